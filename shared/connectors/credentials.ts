import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from '../zod';
import { ConnectorError } from '../domain/errors';
import type { Platform } from '../domain/post';

/** Platform tokens by platform: `{ "facebook": "…", "instagram": "…", "x": "…" }`. */
export const TokensSchema = z.object({
  mastodon: z.optional(z.string().check(z.minLength(1))),
  bluesky: z.optional(z.string().check(z.minLength(1))),
  facebook: z.optional(z.string().check(z.minLength(1))),
  instagram: z.optional(z.string().check(z.minLength(1))),
  x: z.optional(z.string().check(z.minLength(1))),
  youtube: z.optional(z.string().check(z.minLength(1))),
  rss: z.optional(z.string().check(z.minLength(1))),
  other: z.optional(z.string().check(z.minLength(1))),
});
export type Tokens = z.infer<typeof TokensSchema>;

/** Environment variables that carry a token, by platform (for running locally). */
export const TOKEN_VARIABLES: Partial<Record<Platform, string>> = {
  mastodon: 'MASTODON_ACCESS_TOKEN',
  facebook: 'FACEBOOK_ACCESS_TOKEN',
  instagram: 'INSTAGRAM_ACCESS_TOKEN',
  x: 'X_BEARER_TOKEN',
};

export type TokenSource = (platform: Platform) => Promise<string | undefined>;

/** Tokens from a Secrets Manager secret holding the JSON above: read once per container, never logged. */
export function tokensFromSecret(client: SecretsManagerClient, secretId: string): TokenSource {
  let tokens: Promise<Tokens> | undefined;
  return async (platform) => {
    tokens ??= client.send(new GetSecretValueCommand({ SecretId: secretId })).then((result) => parseTokens(result.SecretString ?? '{}', 'the platform-token secret'));
    return (await tokens)[platform];
  };
}

/** Tokens from the environment (TOKEN_VARIABLES), then from a local JSON file when one is named. */
export function tokensFromEnvironment(env: NodeJS.ProcessEnv, file?: string): TokenSource {
  let fromFile: Promise<Tokens> | undefined;
  return async (platform) => {
    const variable = TOKEN_VARIABLES[platform];
    if (variable && env[variable]) return env[variable];
    if (!file) return undefined;
    fromFile ??= readFile(file, 'utf8').then(
      (text) => parseTokens(text, file),
      (error: NodeJS.ErrnoException) => {
        throw new ConnectorError(`cannot read the token file ${file}: ${error.code ?? error.message}`);
      },
    );
    return (await fromFile)[platform];
  };
}

function parseTokens(text: string, where: string): Tokens {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Never echo the text: it holds secrets.
    throw new ConnectorError(`${where} is not valid JSON`);
  }
  const parsed = TokensSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConnectorError(`${where} does not hold tokens by platform (check ${fields}); values are not shown`);
  }
  return parsed.data;
}
