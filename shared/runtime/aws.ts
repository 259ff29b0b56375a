/**
 * Where and as whom an AWS client connects. In Lambda only the region is set: the endpoint is AWS's
 * and the SDK's own provider chain finds the function role's credentials. The local twin and tests
 * pass an endpoint on 127.0.0.1 and explicit credentials, which the stand-ins require but do not check.
 */
export interface AwsSettings {
  region: string;
  endpoint?: string | undefined;
  credentials?: AwsCredentials;
}

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The settings as an AWS SDK v3 client's configuration. */
export function clientConfig(settings: AwsSettings): { region: string; endpoint?: string; credentials?: AwsCredentials } {
  return {
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
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
