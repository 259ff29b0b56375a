import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { CONSOLE_AUTH_PATHS, ORIGIN_HEADER } from '../../functions/console/create-handler';
import type { AssetManifest } from '../../shared/console/assets';
import { COUNCIL_LEADING_KEYS, TABLE_KEYS } from '../../shared/store/keys';
import { ASSETS_PATH_PREFIX, type StagedAssets } from '../console-assets';
import { CouncilFunction } from './council-function';
import type { ConsoleUserPool } from './console-user-pool';

/** Requests a second the console's API takes, and the burst above that: a council's few people, and a cap on anyone else. */
export const CONSOLE_THROTTLE = { rateLimit: 25, burstLimit: 50 } as const;
/** How long browsers and CloudFront keep an asset: a year (the console's asset names change when their content does). */
export const ASSET_MAX_AGE = Duration.days(365);
/** HSTS: two years, subdomains included. */
export const HSTS_MAX_AGE = Duration.days(730);
/** The keys of the console's secret (CONSOLE_SECRET_ARN), a JSON object. */
export const CONSOLE_SECRET_KEYS = { session: 'sessionSecret', clientSecret: 'clientSecret' } as const;

export interface CouncilConsoleProps {
  readonly table: dynamodb.ITable;
  readonly users: ConsoleUserPool;
  /** Where the monthly reports are stored (under reports/): the reports page reads them, nothing more. */
  readonly reportsBucket: s3.IBucket;
  /** The prefix the reports are stored under (`reports/`). */
  readonly reportsPrefix: string;
  /** Where CloudFront writes its access logs (a bucket with ACLs, in the stateful stack). */
  readonly logBucket: s3.IBucket;
  /** The operator's address for the console; the CloudFront address when absent. */
  readonly consoleUrl?: string;
  /** The us-east-1 ACM certificate for consoleUrl's host, when it is the operator's own domain. */
  readonly certificateArn?: string;
  /** The console's static assets, staged into folders by content type (infra/console-assets.ts). */
  readonly assets: readonly StagedAssets[];
  /** The names the pages link the stylesheet and script by (given to the function). */
  readonly assetManifest: AssetManifest;
  readonly serviceName: string;
  readonly logLevel: string;
}

/**
 * The council's console in AWS: one function (its own composition root, functions/console) behind
 * an API Gateway HTTP API, behind CloudFront, which also serves the static assets from a private S3
 * bucket under /assets/ and adds the security headers to every response. Its Cognito app client (an
 * authorization-code client with a secret, for the managed login) and the secret holding that client
 * secret and the session-signing key live here too, because the client's callback address is
 * CloudFront's when the operator gives none.
 *
 * Why an HTTP API and not a function URL: CloudFront can only keep a function URL private through
 * origin access control, which signs requests but not their bodies; Lambda then refuses a POST whose
 * x-amz-content-sha256 the viewer did not compute, and a browser's form post never does. The console
 * is forms, so a function URL would have to be public (AuthType NONE). An HTTP API is public too, but
 * it throttles (a cap on anyone who calls it directly, past CloudFront), writes access logs, and sends
 * the same payload 2.0 event, so the function is the same either way.
 */
export class CouncilConsole extends Construct {
  readonly function: CouncilFunction;
  readonly api: apigatewayv2.HttpApi;
  readonly stage: apigatewayv2.HttpStage;
  readonly apiLogGroup: logs.LogGroup;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;
  readonly assetsBucket: s3.Bucket;
  readonly assetDeployments: s3deploy.BucketDeployment[] = [];
  readonly assetDeploymentRole: iam.Role;
  readonly client: cognito.UserPoolClient;
  readonly secret: secretsmanager.Secret;
  /** The value CloudFront's origin header carries to the console, which refuses a request without it. */
  readonly originSecret: secretsmanager.Secret;
  /** The console's address: the operator's, or CloudFront's (a token until deployment). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: CouncilConsoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { table, users } = props;

    // --- The function -----------------------------------------------------------------------------
    this.function = new CouncilFunction(this, 'Console', {
      serviceName: props.serviceName,
      logLevel: props.logLevel,
      name: 'console',
      description: "The council's console: findings, accounts, reports, settings and people (server-rendered pages)",
      // Pages render in tens of milliseconds; memory buys the CPU that keeps a cold start short.
      memorySize: 1024,
      // Under the HTTP API's 30-second integration limit, so the person sees the console's own error page.
      timeout: Duration.seconds(25),
      environment: {
        TABLE_NAME: table.tableName,
        COGNITO_USER_POOL_ID: users.userPool.userPoolId,
        COGNITO_ISSUER: users.userPool.userPoolProviderUrl,
        COGNITO_DOMAIN: users.domain.baseUrl(),
        CONSOLE_STYLESHEET: props.assetManifest.stylesheet,
        CONSOLE_SCRIPT: props.assetManifest.script,
        REPORTS_BUCKET: props.reportsBucket.bucketName,
      },
    });
    const role = this.function.role;
    // A person reads their council's records: through the table's key only under C#<council>…, and
    // the indexes (each council's partitions there begin C#<council> too; the operator lists councils on gsi1).
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadCouncilRecords',
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [COUNCIL_LEADING_KEYS] } },
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'QueryCouncilIndexes',
        actions: ['dynamodb:Query'],
        resources: TABLE_KEYS.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
      }),
    );
    // Reviews, accounts, settings, people and suppressions: council items only, never a host's budget.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteCouncilRecords',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [COUNCIL_LEADING_KEYS] } },
      }),
    );
    // The reports page serves the stored monthly reports: it reads objects under reports/, never lists, writes or deletes.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadReports',
        actions: ['s3:GetObject'],
        resources: [props.reportsBucket.arnForObjects(`${props.reportsPrefix}*`)],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'InvitePeople',
        actions: ['cognito-idp:AdminCreateUser'],
        resources: [users.userPool.userPoolArn],
      }),
    );

    // --- The HTTP API -----------------------------------------------------------------------------
    this.apiLogGroup = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    this.api = new apigatewayv2.HttpApi(this, 'Api', {
      description: "The council's console (reached through CloudFront)",
      defaultIntegration: new HttpLambdaIntegration('Console', this.function.function, { payloadFormatVersion: apigatewayv2.PayloadFormatVersion.VERSION_2_0 }),
      createDefaultStage: false,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: CONSOLE_THROTTLE,
      accessLogSettings: {
        destination: new apigatewayv2.LogGroupLogDestination(this.apiLogGroup),
        format: apigateway.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            ip: '$context.identity.sourceIp',
            latencyMs: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            error: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // --- Static assets ----------------------------------------------------------------------------
    this.assetsBucket = new s3.Bucket(this, 'Assets', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Nothing here is a record: the next deployment uploads it all again.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    // --- CloudFront -------------------------------------------------------------------------------
    this.responseHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Council Audit console: HSTS, no framing, no sniffing (the console sets its own Content-Security-Policy)',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: false },
        // The console's pages carry their own policy ('self' only, frame-ancestors 'none'); this one is
        // for responses without one (assets, API Gateway's own errors).
        contentSecurityPolicy: { contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'", override: false },
      },
    });
    const apiDomain = `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    // API Gateway's own address stays reachable: CloudFront adds a header with a generated value, and the
    // console refuses a request without it, so nobody reaches the console round CloudFront's headers and logs.
    this.originSecret = new secretsmanager.Secret(this, 'OriginSecret', {
      description: "Council Audit console: the value CloudFront's origin header carries to the console",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const consoleHost = props.consoleUrl ? new URL(props.consoleUrl).hostname : undefined;
    const ownDomain = consoleHost !== undefined && !consoleHost.endsWith('.cloudfront.net') && props.certificateArn !== undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Council Audit console',
      defaultBehavior: {
        origin: new origins.HttpOrigin(apiDomain, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          // A dynamic reference: CloudFormation reads the value at deployment, and the template holds only the secret's name.
          customHeaders: { [ORIGIN_HEADER]: this.originSecret.secretValue.unsafeUnwrap() },
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // Every page is a person's own (session cookie): nothing is cached, everything but Host is passed on.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.responseHeaders,
        compress: true,
      },
      additionalBehaviors: {
        [`${ASSETS_PATH_PREFIX}*`]: {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          // Honours the objects' Cache-Control (a year), up to the policy's maximum of a year.
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: this.responseHeaders,
          compress: true,
        },
      },
      // Councils are in England: edge locations in Europe and North America are enough.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'console-cloudfront/',
      ...(ownDomain
        ? {
            domainNames: [consoleHost],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn!),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.url = (props.consoleUrl ?? `https://${this.distribution.distributionDomainName}`).replace(/\/+$/, '');

    // --- Sign-in: the app client, its managed login branding, the console's secret ------------------
    // In this stack (not users.userPool.addClient, which would put it in the pool's): its callback is CloudFront's address.
    this.client = new cognito.UserPoolClient(this, 'ConsoleClient', {
      userPool: users.userPool,
      userPoolClientName: 'council-audit-console',
      generateSecret: true,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${this.url}${CONSOLE_AUTH_PATHS.callback}`],
        logoutUrls: [`${this.url}${CONSOLE_AUTH_PATHS.signedOut}`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // The person's council is read from the ID token, and only ever written by AdminCreateUser.
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('council'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    new cognito.CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: users.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    // One read at cold start: the client secret (CloudFormation's own attribute, never in the template)
    // and a session-signing key generated here.
    const cfnClient = this.client.node.defaultChild as cognito.CfnUserPoolClient;
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Council Audit console: the session-signing key and the Cognito app client secret, as JSON',
      generateSecretString: {
        secretStringTemplate: stack.toJsonString({ [CONSOLE_SECRET_KEYS.clientSecret]: cfnClient.attrClientSecret }),
        generateStringKey: CONSOLE_SECRET_KEYS.session,
        passwordLength: 64,
        excludePunctuation: true,
      },
      // Sessions signed with it end with it: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.secret.grantRead(role);
    this.originSecret.grantRead(role);
    this.function.function.addEnvironment('CONSOLE_ORIGIN_SECRET_ARN', this.originSecret.secretArn);
    this.function.function.addEnvironment('CONSOLE_URL', this.url);
    this.function.function.addEnvironment('COGNITO_CLIENT_ID', this.client.userPoolClientId);
    this.function.function.addEnvironment('CONSOLE_SECRET_ARN', this.secret.secretArn);

    // --- Uploading the assets ---------------------------------------------------------------------
    this.assetDeploymentRole = new iam.Role(this, 'AssetDeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: "Uploads the console's static assets at deployment",
    });
    const deploymentLogs = new logs.LogGroup(this, 'AssetDeploymentLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    deploymentLogs.grantWrite(this.assetDeploymentRole);
    props.assets.forEach((group, i) => {
      this.assetDeployments.push(
        new s3deploy.BucketDeployment(this, `AssetUpload${i + 1}`, {
          sources: [s3deploy.Source.asset(group.directory)],
          destinationBucket: this.assetsBucket,
          contentType: group.contentType,
          cacheControl: [s3deploy.CacheControl.setPublic(), s3deploy.CacheControl.maxAge(ASSET_MAX_AGE), s3deploy.CacheControl.immutable()],
          // Pages still open from the last deployment keep finding the assets they name.
          prune: false,
          role: this.assetDeploymentRole,
          logGroup: deploymentLogs,
          memoryLimit: 256,
          // No CloudFront invalidation: browsers keep an asset a year whatever CloudFront holds, so an asset
          // that changes must change its name (the console's list names them by content), and an
          // invalidation would need cloudfront:CreateInvalidation on every distribution ("*").
        }),
      );
    });
  }
}
