/**
 * What the AWS SDK needs to talk to the embedded stand-ins: a region and credentials. The stand-ins
 * check that requests are signed, not who signed them; these reach nothing but 127.0.0.1.
 */
export const LOCAL_REGION = 'eu-west-2';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** The same, as environment variables, for code that reads its settings from an environment. */
export const LOCAL_ENVIRONMENT = {
  AWS_REGION: LOCAL_REGION,
  AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
} as const;
