/**
 * Where and as whom an AWS client connects. In Lambda only the region is set: the endpoint is AWS's
 * and the SDK's own provider chain finds the function role's credentials. The local twin and tests
 * pass an endpoint on 127.0.0.1 and explicit credentials, which the stand-ins require but do not check.
 */
export interface AwsSettings {
  region: string;
  endpoint?: string | undefined;
  credentials?: AwsCredentials;
  /** Bounds on each request; AWS_TIMEOUTS when absent. */
  timeouts?: Partial<AwsTimeouts>;
}

/**
 * How long a client waits, and how often it tries. The SDK's own defaults wait for ever on a socket
 * that connected but never answers: a function then runs to its own timeout, and a digest it claimed
 * stays "sending". Bounded, a stalled call fails in seconds and the use case records the failure.
 */
export interface AwsTimeouts {
  /** Milliseconds to open the connection. */
  connectionMs: number;
  /** Milliseconds a request may wait with nothing received. */
  requestMs: number;
  /** Tries in all, the first included (the SDK's standard retry strategy, with backoff). */
  maxAttempts: number;
}

export const AWS_TIMEOUTS: AwsTimeouts = { connectionMs: 3_000, requestMs: 15_000, maxAttempts: 3 };

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The settings as an AWS SDK v3 client's configuration, every request bounded in time and tries. */
export function clientConfig(settings: AwsSettings): {
  region: string;
  endpoint?: string;
  credentials?: AwsCredentials;
  maxAttempts: number;
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true };
} {
  const timeouts = { ...AWS_TIMEOUTS, ...settings.timeouts };
  return {
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    maxAttempts: timeouts.maxAttempts,
    // Options, not a handler instance: each client builds its own NodeHttpHandler from them. Without
    // throwOnRequestTimeout the handler only logs a warning when the request timeout passes, and waits on.
    requestHandler: { connectionTimeout: timeouts.connectionMs, requestTimeout: timeouts.requestMs, throwOnRequestTimeout: true },
  };
}

/**
 * Credentials given as variables of an environment that is not necessarily the process's (the command
 * line is handed its environment): the same variables, in the same order of preference, as the SDK's
 * first provider reads from process.env. Undefined leaves the SDK's own provider chain to find them.
 */
export function credentialsIn(env: NodeJS.ProcessEnv): AwsCredentials | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
