import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleSecretError, readConsoleSecret } from '../../../functions/console/console-secret';

// Secrets Manager has no local stand-in here: aws-sdk-client-mock answers and injects the failures.
const secrets = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:console-AbCdEf';
const SESSION = 'k'.repeat(64);
const read = () => readConsoleSecret(new SecretsManagerClient({ region: 'eu-west-2' }), ARN);

afterEach(() => secrets.reset());

describe("the console's secret", () => {
  it('gives the session key and the client secret the stack wrote', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ clientSecret: 'c1ient-secret', sessionSecret: SESSION }) });
    await expect(read()).resolves.toEqual({ sessionSecret: SESSION, clientSecret: 'c1ient-secret' });
  });

  it('names a missing or short key without showing any value', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ sessionSecret: 'too-short-to-sign' }) });
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleSecretError);
    expect((error as Error).message).toContain('sessionSecret');
    expect((error as Error).message).toContain('clientSecret: is missing');
    expect((error as Error).message).not.toContain('too-short-to-sign');
  });

  it('says the secret is not JSON (a placeholder left by hand), without its text', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'change-me' });
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleSecretError);
    expect((error as Error).message).toContain(`${ARN} does not hold a JSON object`);
    expect((error as Error).message).not.toContain('change-me');
  });

  it('lets Secrets Manager failing go up (the function answers 500 and tries again on the next request)', async () => {
    const failure = new ResourceNotFoundException({ message: "Secrets Manager can't find the specified secret.", $metadata: {} });
    secrets.on(GetSecretValueCommand).rejects(failure);
    await expect(read()).rejects.toBe(failure);
  });
});
