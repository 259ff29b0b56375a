import { ConnectorError, CouncilAuditError } from '../domain/errors';
import type { Platform } from '../domain/post';

/**
 * The platform asked us to slow down, or its host's shared budget is closed, for longer than a scan may
 * wait: the scan stops and is tried again later (see ScanDeferredError).
 */
export class PlatformRateLimitedError extends ConnectorError {
  constructor(readonly platform: Platform, readonly resetAt: Date | undefined, detail: string, options?: { cause?: unknown }) {
    super(`${platform} rate limit reached${resetAt ? ` until ${resetAt.toISOString()}` : ''}: ${detail}`, options);
  }
}

/** The token is expired or revoked (HTTP 401, Facebook code 190): the account needs reconnecting. */
export class PlatformAuthError extends ConnectorError {
  constructor(readonly platform: Platform, detail: string, message = `${platform} refused the credentials (${detail}); the account needs reconnecting`) {
    super(message);
  }
}

/**
 * No token for the platform was given at all: nothing was refused, so the message says what is
 * missing. Still an auth failure for the scan (the account cannot be read until a token is set).
 */
export class PlatformTokenMissingError extends PlatformAuthError {
  constructor(platform: Platform) {
    super(platform, 'no token', `no ${platform} access token is configured, so its accounts cannot be read`);
  }
}

/** The platform kept failing (5xx, timeouts, network errors) after bounded retries. */
export class PlatformUnavailableError extends ConnectorError {}

/** The platform answered with something we cannot use: an unexpected status, bad JSON, a changed shape. */
export class PlatformResponseError extends ConnectorError {}

/** A URL the connectors will not fetch: not https, or resolving to a private, link-local or metadata address. */
export class UrlRefusedError extends ConnectorError {}

/**
 * A host's shared budget would keep a request waiting longer than the caller may wait (the host is
 * paused after a 429, or its requests are spoken for): stop, and try again when it is free.
 */
export class HostBusyError extends CouncilAuditError {
  constructor(readonly host: string, readonly until: Date) {
    super(`every request to ${host} waits until ${until.toISOString()}`);
  }
}

/**
 * The shared request budget could not be read or updated (DynamoDB failed, or its item is malformed).
 * Not a ConnectorError: the platform did nothing wrong, so the scan is retried rather than recorded as
 * a failed capture.
 */
export class HostBudgetUnavailableError extends CouncilAuditError {}
