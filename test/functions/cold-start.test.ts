import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_ENVIRONMENT } from './console/console-environment';

// Each deployed function reads its own environment when Lambda loads it (cold start), so a missing
// variable stops the deployment's first invocation with its name, not a later one with a stack trace.
const DEPLOYED: Record<string, Record<string, string>> = {
  'scan-dispatch': { TABLE_NAME: 'council-audit', SCAN_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/111111111111/scan' },
  'scan-account': { TABLE_NAME: 'council-audit', RETENTION_DAYS: '400', PLATFORM_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:tokens' },
  'weekly-digest': { TABLE_NAME: 'council-audit', DIGEST_FROM: 'audit@harbourne-tc.example', REPORTS_BUCKET: 'council-audit-reports' },
  'monthly-report': { TABLE_NAME: 'council-audit', REPORTS_BUCKET: 'council-audit-reports' },
  'council-jobs': {
    TABLE_NAME: 'council-audit',
    DIGEST_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/111111111111/digests',
    REPORT_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/111111111111/reports',
  },
  console: CONSOLE_ENVIRONMENT,
};

/** Loads functions/<name>/handler.ts afresh, as Lambda would, with exactly this environment. */
async function coldStart(name: string, env: Record<string, string | undefined>): Promise<unknown> {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return import(`../../functions/${name}/handler.ts`);
}

afterEach(() => vi.unstubAllEnvs());

describe.each(Object.keys(DEPLOYED))('the deployed %s function', (name) => {
  const env = DEPLOYED[name]!;

  it('loads with the variables the stack gives it, and exports the handler', async () => {
    const module = (await coldStart(name, { AWS_REGION: 'eu-west-2', ...env })) as { handler: unknown };
    expect(typeof module.handler).toBe('function');
  });

  it.each(Object.keys(env).filter((key) => key !== 'RETENTION_DAYS' && key !== 'PLATFORM_SECRET_ARN' && !(name === 'weekly-digest' && key === 'REPORTS_BUCKET')))(
    'refuses to load without %s, naming it',
    async (missing) => {
      const attempt = coldStart(name, { AWS_REGION: 'eu-west-2', ...env, [missing]: undefined });
      // (a fresh module graph: its EnvironmentError is not this file's class, so the name is compared)
      await expect(attempt).rejects.toMatchObject({ name: 'EnvironmentError' });
      await expect(attempt).rejects.toThrow(`${missing}: is missing`);
    },
  );
});

describe('the deployed functions, given a variable that is there but wrong', () => {
  it('name the variable and the value', async () => {
    const attempt = coldStart('scan-dispatch', { AWS_REGION: 'eu-west-2', TABLE_NAME: 'council-audit', SCAN_QUEUE_URL: 'scan-queue' });
    await expect(attempt).rejects.toThrow('SCAN_QUEUE_URL = "scan-queue"');
  });

  it('refuse a console whose sign-in is not on https', async () => {
    const attempt = coldStart('console', { AWS_REGION: 'eu-west-2', ...DEPLOYED.console, COGNITO_ISSUER: 'http://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Harbourne1' });
    await expect(attempt).rejects.toThrow('COGNITO_ISSUER = "http://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Harbourne1"');
  });

  it('refuse an empty digest sender', async () => {
    const attempt = coldStart('weekly-digest', { AWS_REGION: 'eu-west-2', ...DEPLOYED['weekly-digest'], DIGEST_FROM: '' });
    await expect(attempt).rejects.toThrow('DIGEST_FROM = "": must not be empty');
  });
});
