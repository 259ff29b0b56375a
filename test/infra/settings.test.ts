import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../infra/council-audit';
import { CDK_JSON_CONTEXT, OPERATOR_CONTEXT, logicalIdOf, synthesise, type Synthesised } from './synth';

// An App makes its output directory when built; remove them all at the end.
const apps: App[] = [];
const appWith = (context: Record<string, unknown> = {}) => {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, ...OPERATOR_CONTEXT, ...context } });
  apps.push(app);
  return app;
};
afterAll(() => {
  for (const app of apps) rmSync(app.outdir, { recursive: true, force: true });
});

describe('deployment settings', () => {
  it('default to London, an hourly scan and a placeholder account when synthesised offline', () => {
    const settings = readSettings(appWith(), {});
    expect(settings).toMatchObject({
      account: '111111111111',
      region: 'eu-west-2',
      senderDomain: 'harbourne-tc.example',
      digestFrom: 'council-audit@harbourne-tc.example',
      scanSchedule: 'rate(1 hour)',
      retentionDays: 90,
      logLevel: 'INFO',
    });
    expect(settings.alarmEmail).toBeUndefined();
  });

  it('have no sender domain unless the operator gives one: cdk.json carries none, and synth stops naming the setting', () => {
    expect(CDK_JSON_CONTEXT).not.toHaveProperty('senderDomain');
    const app = new App({ context: { ...CDK_JSON_CONTEXT } });
    apps.push(app);
    expect(() => readSettings(app, {})).toThrow(/senderDomain is not set: give the domain the digests are sent from/);
  });

  it('take the account the CLI resolved when there is one', () => {
    expect(readSettings(appWith(), { CDK_DEFAULT_ACCOUNT: '222222222222' }).account).toBe('222222222222');
  });

  it.each([
    [{ scanSchedule: 'every hour' }, /scanSchedule must be rate\(\.\.\.\) or cron\(\.\.\.\)/],
    [{ digestFrom: 'audit@elsewhere.example' }, /digestFrom must be on harbourne-tc\.example/],
    [{ digestTo: 'clerk@harbourne-tc.example' }, /digestTo is no longer a setting: each council's registration names its own digest recipients/],
    [{ retentionDays: 0 }, /retentionDays must be a positive whole number/],
    [{ logLevel: 'LOUD' }, /logLevel must be one of/],
    [{ consoleUrl: 'http://console.harbourne-tc.example' }, /consoleUrl must be an https address, got "http:\/\/console\.harbourne-tc\.example"/],
  ])('refuse %j', (context, message) => {
    expect(() => readSettings(appWith(context), {})).toThrow(message);
  });
});

describe('a deployment with its own context', () => {
  // Settings only: skip esbuild bundling (the handlers are bundled in stacks.test.ts).
  let synth: Synthesised;
  beforeAll(() => {
    synth = synthesise({
      bundle: false,
      context: {
        senderDomain: 'stow-parish.example',
        scanSchedule: 'cron(0 7-19 ? * MON-FRI *)',
        retentionDays: 90,
        alarmEmail: 'ops@stow-parish.example',
        consoleUrl: 'https://console.stow-parish.example',
      },
    });
  }, 60_000);
  afterAll(() => rmSync(synth.app.outdir, { recursive: true, force: true }));

  it("gives the digest (review links) and the report (its email's reports page) the console's address, and no other function", () => {
    const environment = (fn: { function: unknown }) =>
      (synth.stateless.resolve((fn.function as { node: { defaultChild: { environment: unknown } } }).node.defaultChild.environment) as { variables: Record<string, unknown> }).variables;
    expect(environment(synth.stateless.weeklyDigest).CONSOLE_URL).toBe('https://console.stow-parish.example');
    // The report email links the console's reports page too.
    expect(environment(synth.stateless.monthlyReport).CONSOLE_URL).toBe('https://console.stow-parish.example');
    expect(environment(synth.stateless.scanAccount).CONSOLE_URL).toBeUndefined();
  });

  it('reads a cron scan schedule as London time', () => {
    synth.statelessTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7-19 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/London',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.scanDispatch.function), 'Arn'] } }),
    });
  });

  it('sends from and verifies its own domain', () => {
    synth.statefulTemplate.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'stow-parish.example' });
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          DIGEST_FROM: 'council-audit@stow-parish.example',
        }),
      },
    });
  });

  it('keeps captured posts for its own retention period', () => {
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ RETENTION_DAYS: '90', PLATFORM_SECRET_ARN: Match.anyValue() }) },
    });
  });

  it('subscribes the alarm address to the alarm topic', () => {
    synth.statelessTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@stow-parish.example',
      TopicArn: { Ref: logicalIdOf(synth.stateless.alarmTopic) },
    });
  });
});
