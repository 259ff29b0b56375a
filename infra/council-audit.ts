import { App, Tags } from 'aws-cdk-lib';
import { assetManifest, listConsoleAssets } from '../shared/console/assets';
import { stageConsoleAssets } from './console-assets';
import { acknowledgeNagFindings, applyNagChecks } from './nag';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/** The deployment's settings, read from CDK context (cdk.json, or `-c key=value`). */
export interface Settings {
  readonly account: string;
  readonly region: string;
  readonly senderDomain: string;
  readonly digestFrom: string;
  readonly scanSchedule: string;
  readonly retentionDays: number;
  readonly logLevel: string;
  readonly alarmEmail?: string;
  /** The console's address, for the digest's "review it" links; none until a console is deployed. */
  readonly consoleUrl?: string;
  /**
   * The ACM certificate (us-east-1, as CloudFront requires) for consoleUrl's host, when that host is the
   * operator's own domain: CloudFront serves the console there. Not needed without consoleUrl.
   */
  readonly consoleCertificateArn?: string;
  /** The console's managed login prefix: https://<prefix>.auth.<region>.amazoncognito.com. */
  readonly consoleLoginDomainPrefix: string;
}

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;
const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'];

export function readSettings(app: App, env: NodeJS.ProcessEnv = process.env): Settings {
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  // No default: a fictional domain that silently applied would deploy an identity nobody can verify.
  const senderDomain = context('senderDomain') ?? '';
  const settings: Settings = {
    // Synthesis must work offline without credentials: the account is a placeholder unless the CLI knows it.
    account: env.CDK_DEFAULT_ACCOUNT ?? '111111111111',
    // UK councils' data stays in London unless a deployment says otherwise.
    region: context('region') ?? 'eu-west-2',
    senderDomain,
    digestFrom: context('digestFrom') ?? `council-audit@${senderDomain}`,
    scanSchedule: context('scanSchedule') ?? 'rate(1 hour)',
    retentionDays: Number(context('retentionDays') ?? 90),
    logLevel: (context('logLevel') ?? 'INFO').toUpperCase(),
    alarmEmail: context('alarmEmail'),
    consoleUrl: context('consoleUrl'),
    consoleCertificateArn: context('consoleCertificateArn'),
    consoleLoginDomainPrefix: context('consoleLoginDomainPrefix') ?? `council-audit-${env.CDK_DEFAULT_ACCOUNT ?? '111111111111'}`,
  };

  const problems: string[] = [];
  if (!/^(rate|cron)\(.+\)$/.test(settings.scanSchedule)) problems.push(`scanSchedule must be rate(...) or cron(...), got "${settings.scanSchedule}"`);
  if (senderDomain === '') problems.push('senderDomain is not set: give the domain the digests are sent from, which SES will verify (npx cdk deploy -c senderDomain=audit.your-association.org.uk)');
  else if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(senderDomain)) problems.push(`senderDomain is not a domain: "${senderDomain}"`);
  if (!EMAIL.test(settings.digestFrom)) problems.push(`digestFrom must be a bare address, got "${settings.digestFrom}"`);
  else if (!settings.digestFrom.toLowerCase().endsWith(`@${senderDomain.toLowerCase()}`)) problems.push(`digestFrom must be on ${senderDomain}, the verified SES domain`);
  // Recipients moved into each council's registration: a setting left over would silently do nothing.
  if (context('digestTo') !== undefined) problems.push('digestTo is no longer a setting: each council\'s registration names its own digest recipients');
  if (!Number.isInteger(settings.retentionDays) || settings.retentionDays <= 0) problems.push(`retentionDays must be a positive whole number, got "${context('retentionDays')}"`);
  if (!LOG_LEVELS.includes(settings.logLevel)) problems.push(`logLevel must be one of ${LOG_LEVELS.join(', ')}`);
  if (settings.alarmEmail !== undefined && !EMAIL.test(settings.alarmEmail)) problems.push(`alarmEmail is not an address: "${settings.alarmEmail}"`);
  if (settings.consoleUrl !== undefined && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(settings.consoleUrl)) problems.push(`consoleUrl must be an https address, got "${settings.consoleUrl}"`);
  if (settings.consoleUrl !== undefined && /^https:\/\//.test(settings.consoleUrl)) {
    const host = new URL(settings.consoleUrl).hostname;
    if (!host.endsWith('.cloudfront.net') && settings.consoleCertificateArn === undefined) {
      problems.push(`consoleUrl is on ${host}: give consoleCertificateArn, the ACM certificate for ${host} in us-east-1, so that CloudFront can serve the console there`);
    }
  }
  if (settings.consoleCertificateArn !== undefined && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(settings.consoleCertificateArn)) {
    problems.push(`consoleCertificateArn must be an ACM certificate in us-east-1 (CloudFront's region), got "${settings.consoleCertificateArn}"`);
  }
  if (settings.consoleCertificateArn !== undefined && settings.consoleUrl === undefined) problems.push('consoleCertificateArn is set but consoleUrl is not: give the address the certificate is for');
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(settings.consoleLoginDomainPrefix) || /aws|amazon|cognito/.test(settings.consoleLoginDomainPrefix)) {
    problems.push(`consoleLoginDomainPrefix must be lower-case letters, digits and hyphens without "aws", "amazon" or "cognito", got "${settings.consoleLoginDomainPrefix}"`);
  }
  if (problems.length > 0) throw new Error(`Invalid Council Audit context:\n  ${problems.join('\n  ')}`);
  return settings;
}

export interface CouncilAudit {
  readonly settings: Settings;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** Composition root of the infrastructure: both stacks, wired together, under the cdk-nag checks. */
export function buildCouncilAudit(app: App, env: NodeJS.ProcessEnv = process.env): CouncilAudit {
  const settings = readSettings(app, env);
  const stackEnv = { account: settings.account, region: settings.region };

  const stateful = new StatefulStack(app, 'CouncilAudit-Stateful', {
    env: stackEnv,
    description: 'Council Audit: audit table, monthly reports bucket, SES sending identity, platform tokens, console users (retained)',
    senderDomain: settings.senderDomain,
    consoleLoginDomainPrefix: settings.consoleLoginDomainPrefix,
  });
  // The build step of the console's assets: listed from the repository, written into folders to upload.
  const assets = listConsoleAssets();
  const stateless = new StatelessStack(app, 'CouncilAudit-Stateless', {
    env: stackEnv,
    description: 'Council Audit: functions, browser layer, schedules, scan queue, alarms, the console (API, CloudFront, assets)',
    table: stateful.table,
    platformSecret: stateful.platformSecret,
    emailIdentity: stateful.emailIdentity,
    configurationSet: stateful.configurationSet,
    configurationSetArn: stateful.configurationSetArn,
    reportsBucket: stateful.reportsBucket,
    scanSchedule: settings.scanSchedule,
    digestFrom: settings.digestFrom,
    retentionDays: settings.retentionDays,
    logLevel: settings.logLevel,
    alarmEmail: settings.alarmEmail,
    consoleUrl: settings.consoleUrl,
    consoleCertificateArn: settings.consoleCertificateArn,
    consoleUsers: stateful.consoleUsers,
    consoleLogBucket: stateful.consoleLogBucket,
    consoleAssets: { staged: stageConsoleAssets(assets), manifest: assetManifest(assets) },
  });
  Tags.of(stateful).add('project', 'council-audit');
  Tags.of(stateless).add('project', 'council-audit');

  applyNagChecks(app);
  acknowledgeNagFindings({ stateful, stateless });
  return { settings, stateful, stateless };
}
