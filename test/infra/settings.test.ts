import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
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
    // the console is at its CloudFront address, its sign-in at a prefix named after the account
    expect(settings.consoleUrl).toBeUndefined();
    expect(settings.consoleLoginDomainPrefix).toBe('council-audit-111111111111');
  });

  it("take the console's CloudFront address without a certificate (CloudFront's own certificate serves it)", () => {
    const settings = readSettings(appWith({ consoleUrl: 'https://d111111abcdef8.cloudfront.net' }), {});
    expect(settings).toMatchObject({ consoleUrl: 'https://d111111abcdef8.cloudfront.net' });
    expect(settings.consoleCertificateArn).toBeUndefined();
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
    [{ consoleUrl: 'https://console.harbourne-tc.example' }, /consoleUrl is on console\.harbourne-tc\.example: give consoleCertificateArn, the ACM certificate for console\.harbourne-tc\.example in us-east-1/],
    [
      { consoleUrl: 'https://console.harbourne-tc.example', consoleCertificateArn: 'arn:aws:acm:eu-west-2:111111111111:certificate/0a1b2c3d-0000-4000-8000-000000000001' },
      /consoleCertificateArn must be an ACM certificate in us-east-1 \(CloudFront's region\), got "arn:aws:acm:eu-west-2:/,
    ],
    [{ consoleCertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d-0000-4000-8000-000000000001' }, /consoleCertificateArn is set but consoleUrl is not/],
    [{ consoleLoginDomainPrefix: 'harbourne-cognito' }, /consoleLoginDomainPrefix must be lower-case letters, digits and hyphens without "aws", "amazon" or "cognito", got "harbourne-cognito"/],
    [{ consoleLoginDomainPrefix: 'Harbourne TC' }, /consoleLoginDomainPrefix must be lower-case letters/],
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
        consoleCertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d-0000-4000-8000-000000000002',
        consoleLoginDomainPrefix: 'stow-parish-console',
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

  it('serves the console at its own domain with its certificate, TLS 1.2 at least, and signs in there', () => {
    synth.statelessTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['console.stow-parish.example'],
        ViewerCertificate: {
          AcmCertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d-0000-4000-8000-000000000002',
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
    synth.statelessTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://console.stow-parish.example/auth/callback'],
      LogoutURLs: ['https://console.stow-parish.example/signed-out'],
    });
    synth.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'stow-parish-console' });
  });

  it('acknowledges no outdated TLS finding once the console has its own certificate', () => {
    const distribution = synth.statelessTemplate.findResources('AWS::CloudFront::Distribution');
    const rules = Object.values(distribution).flatMap(
      (resource) => ((resource as { Metadata?: { cdk_nag?: { rules_to_suppress?: { id: string }[] } } }).Metadata?.cdk_nag?.rules_to_suppress ?? []).map((rule) => rule.id),
    );
    expect(rules).toEqual(['AwsSolutions-CFR1', 'AwsSolutions-CFR2']);
    expect(Annotations.fromStack(synth.stateless).findError('*', Match.stringLikeRegexp('AwsSolutions-CFR4.*'))).toEqual([]);
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
