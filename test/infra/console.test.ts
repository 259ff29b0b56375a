import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_AUTH_PATHS, ORIGIN_HEADER } from '../../functions/console/create-handler';
import { ASSET_CACHE_CONTROL, assetManifest, listConsoleAssets, type ConsoleAsset } from '../../shared/console/assets';
import { COUNCIL_ATTRIBUTE } from '../../shared/console/cognito-invitations';
import { COUNCIL_LEADING_KEYS, hostBudgetKey } from '../../shared/store/keys';
import { stageConsoleAssets } from '../../infra/console-assets';
import { CONSOLE_SECRET_KEYS, CONSOLE_THROTTLE } from '../../infra/constructs/council-console';
import { OPERATOR_GROUP } from '../../infra/constructs/console-user-pool';
import { REPORTS_PREFIX } from '../../infra/stateful-stack';
import { actionsOf, asArray, logicalIdOf, statementsOfRole, synthesise, type Statement, type Synthesised } from './synth';

// One synthesis for the file, without esbuild (the console's bundle is checked in stacks.test.ts).
let synth: Synthesised;
let stateful: Template;
let stateless: Template;
const temporary: string[] = [];

beforeAll(() => {
  synth = synthesise({ bundle: false });
  stateful = synth.statefulTemplate;
  stateless = synth.statelessTemplate;
}, 60_000);
afterAll(() => {
  rmSync(synth.app.outdir, { recursive: true, force: true });
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

type Resource = { Properties: Record<string, unknown>; DeletionPolicy?: string };
const only = (template: Template, type: string): Resource => {
  const resources = Object.values(template.findResources(type)) as Resource[];
  expect(resources, type).toHaveLength(1);
  return resources[0]!;
};
const consoleEnvironment = () =>
  (stateless.findResources('AWS::Lambda::Function')[logicalIdOf(synth.stateless.console.function.function)] as Resource).Properties.Environment as { Variables: Record<string, unknown> };
const distributionDomain = () => ({ 'Fn::GetAtt': [logicalIdOf(synth.stateless.console.distribution), 'DomainName'] });

describe("the console's user pool (stateful stack)", () => {
  it('lets nobody sign themselves up, signs in by email, and is retained and deletion-protected', () => {
    const pool = only(stateful, 'AWS::Cognito::UserPool');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      DeletionProtection: 'ACTIVE',
      UserPoolTier: 'ESSENTIALS',
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('needs a strong password and an authenticator app from everyone', () => {
    expect(only(stateful, 'AWS::Cognito::UserPool').Properties).toMatchObject({
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true, PasswordHistorySize: 5, TemporaryPasswordValidityDays: 7 } },
    });
  });

  it("holds each person's council in a custom attribute the length of a council id", () => {
    const schema = only(stateful, 'AWS::Cognito::UserPool').Properties.Schema as Record<string, unknown>[];
    expect(schema).toContainEqual({ Name: COUNCIL_ATTRIBUTE, AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '3', MaxLength: '40' } });
  });

  it('has the operator group, and signs in through the newer managed login at the prefix from the settings', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: OPERATOR_GROUP });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'council-audit-111111111111', ManagedLoginVersion: 2 });
  });

  it('keeps CloudFront access logs in a private bucket with ACLs (for CloudFront log delivery), logged and retained', () => {
    const bucket = stateful.findResources('AWS::S3::Bucket')[logicalIdOf(synth.stateful.consoleLogBucket)] as Resource;
    expect(bucket).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(synth.stateful.accessLogBucket) } },
      },
    });
  });
});

describe("the console's app client", () => {
  const client = () => only(stateless, 'AWS::Cognito::UserPoolClient').Properties;

  it('is a confidential authorization-code client for the managed login only', () => {
    expect(client()).toMatchObject({
      GenerateSecret: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
  });

  it("sends people back to the console's own callback and signed-out pages, at CloudFront's address when the operator gives none", () => {
    const at = (suffix: string) => ({ 'Fn::Join': ['', ['https://', distributionDomain(), suffix]] });
    expect(client().CallbackURLs).toEqual([at(CONSOLE_AUTH_PATHS.callback)]);
    expect(client().LogoutURLs).toEqual([at(CONSOLE_AUTH_PATHS.signedOut)]);
  });

  it('reads the council attribute but can never write it', () => {
    expect(client().ReadAttributes).toContain(`custom:${COUNCIL_ATTRIBUTE}`);
    expect(client().WriteAttributes).toEqual(['name']);
  });

  it('has the managed login branding (Cognito\'s own look)', () => {
    stateless.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: logicalIdOf(synth.stateless.console.client) },
      UseCognitoProvidedValues: true,
    });
  });

  it("puts the client secret (CloudFormation's attribute, never a value in the template) and a generated session key in one secret", () => {
    const secret = stateless.findResources('AWS::SecretsManager::Secret')[logicalIdOf(synth.stateless.console.secret)] as Resource;
    const generate = secret.Properties.GenerateSecretString as { SecretStringTemplate: unknown; GenerateStringKey: string; PasswordLength: number };
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(generate).toMatchObject({ GenerateStringKey: CONSOLE_SECRET_KEYS.session, PasswordLength: 64 });
    expect(JSON.stringify(generate.SecretStringTemplate)).toContain(JSON.stringify({ 'Fn::GetAtt': [logicalIdOf(synth.stateless.console.client), 'ClientSecret'] }));
    expect(JSON.stringify(generate.SecretStringTemplate)).toContain(`"{\\"${CONSOLE_SECRET_KEYS.clientSecret}\\":\\"`);
  });
});

describe('the console function', () => {
  it("is given its address, the pool, the app client, its secret and the assets' names", () => {
    const assets = listConsoleAssets();
    expect(consoleEnvironment().Variables).toMatchObject({
      CONSOLE_URL: { 'Fn::Join': ['', ['https://', distributionDomain()]] },
      CONSOLE_SECRET_ARN: { Ref: logicalIdOf(synth.stateless.console.secret) },
      CONSOLE_ORIGIN_SECRET_ARN: { Ref: logicalIdOf(synth.stateless.console.originSecret) },
      COGNITO_CLIENT_ID: { Ref: logicalIdOf(synth.stateless.console.client) },
      COGNITO_USER_POOL_ID: expect.anything(),
      COGNITO_ISSUER: expect.anything(),
      COGNITO_DOMAIN: expect.anything(),
      CONSOLE_STYLESHEET: assetManifest(assets).stylesheet,
      CONSOLE_SCRIPT: assetManifest(assets).script,
    });
  });

  it('reads the stored reports under reports/ of the reports bucket, and nothing else in S3', () => {
    const statements = statementsOfRole(stateless, synth.stateless.console.function.role);
    const s3 = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
    expect(s3).toHaveLength(1);
    expect(s3[0]!.Action).toBe('s3:GetObject');
    const resources = asArray(s3[0]!.Resource);
    expect(resources).toHaveLength(1);
    const resource = JSON.stringify(resources[0]);
    expect(resource).toContain(logicalIdOf(synth.stateful.reportsBucket));
    expect(resource.endsWith(`"/${REPORTS_PREFIX}*"]]}`)).toBe(true);
    // the bucket it reads is the one the monthly report writes to, named in its environment
    expect(JSON.stringify(consoleEnvironment().Variables.REPORTS_BUCKET)).toContain(logicalIdOf(synth.stateful.reportsBucket));
  });

  it("gives the digest the console's address when the operator gives none", () => {
    const digest = stateless.findResources('AWS::Lambda::Function')[logicalIdOf(synth.stateless.weeklyDigest.function)] as Resource;
    expect((digest.Properties.Environment as { Variables: Record<string, unknown> }).Variables.CONSOLE_URL).toEqual(consoleEnvironment().Variables.CONSOLE_URL);
  });

  it("writes council items only (never a platform host's budget), and cannot scan the table", () => {
    // Act
    const statements = statementsOfRole(stateless, synth.stateless.console.function.role);
    const dynamo = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));

    // Assess
    const writes = dynamo.filter((s) => actionsOf([s]).some((a) => !['dynamodb:GetItem', 'dynamodb:Query'].includes(a)));
    expect(writes).toHaveLength(1);
    expect(actionsOf(writes).sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(writes[0]).toMatchObject({
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [COUNCIL_LEADING_KEYS] } },
    });
    expect(COUNCIL_LEADING_KEYS).toBe('C#*');
    expect(hostBudgetKey('mastodon.social').pk.startsWith('C#')).toBe(false); // the pattern cannot reach a host's budget
    expect(actionsOf(dynamo)).not.toContain('dynamodb:Scan');
    expect(actionsOf(dynamo).some((a) => a.includes('*') || a.startsWith('dynamodb:Batch') || a.startsWith('dynamodb:Transact'))).toBe(false);
    // reads through the table's key are council items too
    const tableReads = dynamo.find((s) => s.Sid === 'ReadCouncilRecords')!;
    expect(tableReads.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [COUNCIL_LEADING_KEYS] } });
  });

  it('invites people through its own user pool only, reads its own two secrets only, and touches nothing else', () => {
    const statements = statementsOfRole(stateless, synth.stateless.console.function.role);
    const invite = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('cognito-idp:')));
    expect(invite).toHaveLength(1);
    expect(invite[0]!.Action).toBe('cognito-idp:AdminCreateUser');
    expect(JSON.stringify(invite[0]!.Resource)).toMatch(/ConsoleUsersUserPool.*Arn/);
    const secrets = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')));
    const read = secrets.flatMap((s: Statement) => asArray(s.Resource)).map((r) => JSON.stringify(r));
    expect(read.sort()).toEqual([synth.stateless.console.secret, synth.stateless.console.originSecret].map((secret) => JSON.stringify({ Ref: logicalIdOf(secret) })).sort());
    const services = new Set(actionsOf(statements).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['cognito-idp', 'dynamodb', 'logs', 's3', 'secretsmanager', 'xray']);
  });
});

describe("the console's HTTP API and CloudFront", () => {
  it('sends every request to the console function as payload 2.0, throttled, with access logs', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.console.function.function), 'Arn'] },
    });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: CONSOLE_THROTTLE.rateLimit, ThrottlingBurstLimit: CONSOLE_THROTTLE.burstLimit },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.console.apiLogGroup), 'Arn'] }, Format: Match.stringLikeRegexp('\\$context.requestId') },
    });
  });

  it('passes pages through uncached with their cookies, and serves /assets/* from the private bucket', () => {
    const config = only(stateless, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Record<string, unknown>;
    expect(config.DefaultCacheBehavior).toMatchObject({
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'POST']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(config.CacheBehaviors).toEqual([
      expect.objectContaining({ PathPattern: '/assets/*', AllowedMethods: ['GET', 'HEAD'], CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' /* Managed-CachingOptimized */ }),
    ]);
    const origins = config.Origins as Record<string, unknown>[];
    expect(origins).toContainEqual(expect.objectContaining({ CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] } }));
    expect(origins).toContainEqual(expect.objectContaining({ DomainName: { 'Fn::GetAtt': [logicalIdOf(synth.stateless.console.assetsBucket), 'RegionalDomainName'] }, OriginAccessControlId: expect.anything() }));
    expect(JSON.stringify(config.Logging)).toContain('ConsoleLogs');
  });

  it("sends the console a header with the origin secret's value, resolved by CloudFormation: the template holds no value", () => {
    const config = only(stateless, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Record<string, unknown>;
    const api = (config.Origins as { CustomOriginConfig?: unknown; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[]).find((o) => o.CustomOriginConfig !== undefined);
    const header = api?.OriginCustomHeaders?.find((h) => h.HeaderName === ORIGIN_HEADER);
    // {{resolve:secretsmanager:<the origin secret's ARN>:SecretString:::}}
    expect(JSON.stringify(header?.HeaderValue)).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(header?.HeaderValue)).toContain(JSON.stringify({ Ref: logicalIdOf(synth.stateless.console.originSecret) }));
    const secret = stateless.findResources('AWS::SecretsManager::Secret')[logicalIdOf(synth.stateless.console.originSecret)] as Resource;
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48 });
  });

  it('adds HSTS, no framing and no sniffing to every response, and a fallback policy for responses without one', () => {
    stateless.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          // the console's own Content-Security-Policy wins where it sends one
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.stringLikeRegexp("frame-ancestors 'none'"), Override: false },
        }),
      }),
    });
  });

  it('keeps the assets bucket private: CloudFront (this distribution) may read it, nothing else', () => {
    const policies = Object.values(stateless.findResources('AWS::S3::BucketPolicy')) as Resource[];
    const policy = policies.find((p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: logicalIdOf(synth.stateless.console.assetsBucket) }))!;
    const allows = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.objectContaining({ 'Fn::Join': expect.arrayContaining([expect.arrayContaining([{ Ref: logicalIdOf(synth.stateless.console.distribution) }])]) }) } },
      }),
    ]);
  });

  it("uploads every asset under /assets/ with its own content type and a year's cache, none left out", () => {
    // Prepare: what the console lists
    const listed = listConsoleAssets().filter((a) => a.path.startsWith('/assets/'));

    // Act: what the uploads carry (each staged folder, by its asset hash, and its metadata)
    const uploads = Object.values(stateless.findResources('Custom::CDKBucketDeployment')) as Resource[];
    const uploaded = uploads.flatMap((upload) => {
      const metadata = upload.Properties.SystemMetadata as Record<string, string>;
      const key = (upload.Properties.SourceObjectKeys as string[])[0]!.replace(/\.zip$/, '');
      const folder = path.join(synth.app.outdir, `asset.${key}`);
      return filesUnder(folder).map((file) => ({ path: `/${path.relative(folder, file).split(path.sep).join('/')}`, contentType: metadata['content-type'], cacheControl: metadata['cache-control'], prune: upload.Properties.Prune }));
    });

    // Assess
    expect(listed.length).toBeGreaterThan(2);
    expect(uploaded.map((u) => u.path).sort()).toEqual(listed.map((a) => a.path).sort());
    for (const asset of listed) {
      expect(uploaded.find((u) => u.path === asset.path), asset.path).toEqual({ path: asset.path, contentType: asset.contentType, cacheControl: ASSET_CACHE_CONTROL, prune: false });
    }
  });
});

describe('staging the console assets for upload', () => {
  const asset = (assetPath: string, contentType: string, text: string): ConsoleAsset => ({ path: assetPath, contentType, body: new TextEncoder().encode(text) });
  const root = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'console-assets-test-'));
    temporary.push(dir);
    return dir;
  };

  it('writes each asset under /assets/ by its key, in a folder per content type, and leaves other paths to the function', () => {
    // Act
    const staged = stageConsoleAssets(
      [asset('/assets/console-aa.css', 'text/css; charset=utf-8', 'body{}'), asset('/assets/init-bb.js', 'text/javascript; charset=utf-8', 'x()'), asset('/favicon.ico', 'image/x-icon', 'ico')],
      root(),
    );

    // Assess
    expect(staged.map((s) => [s.contentType, s.keys])).toEqual([
      ['text/css; charset=utf-8', ['assets/console-aa.css']],
      ['text/javascript; charset=utf-8', ['assets/init-bb.js']],
    ]);
    expect(readFileSync(path.join(staged[0]!.directory, 'assets', 'console-aa.css'), 'utf8')).toBe('body{}');
    expect(filesUnder(staged[1]!.directory)).toHaveLength(1);
  });

  it('writes the same list to the same folders once, and a changed list to new ones', () => {
    const dir = root();
    const first = stageConsoleAssets([asset('/assets/a.css', 'text/css', 'a{}')], dir);
    const again = stageConsoleAssets([asset('/assets/a.css', 'text/css', 'a{}')], dir);
    const changed = stageConsoleAssets([asset('/assets/a.css', 'text/css', 'a{color:red}')], dir);
    expect(again[0]!.directory).toBe(first[0]!.directory);
    expect(changed[0]!.directory).not.toBe(first[0]!.directory);
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('refuses a path that would leave its folder', () => {
    expect(() => stageConsoleAssets([asset('/assets/../../etc/passwd', 'text/plain', 'x')], root())).toThrow(/is not a plain path under \/assets\//);
    expect(() => stageConsoleAssets([asset('/assets/./a.css', 'text/css', 'x')], root())).toThrow(/is not a plain path/);
    expect(() => stageConsoleAssets([asset('/assets//twice.css', 'text/css', 'x')], root())).toThrow(/is not a plain path/);
  });
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
