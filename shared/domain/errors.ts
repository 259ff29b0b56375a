import type * as z from '../zod';
import { closestName, knownFieldsAt } from './field-names';

/** Base of every error the product raises on purpose: the message is meant for a person. */
export class CouncilAuditError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that does not match a schema: says which field, which value, and what was expected. */
export class ValidationError extends CouncilAuditError {
  readonly what: string;
  readonly issues: readonly ValidationIssue[];

  constructor(what: string, issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    const described = issues.map(describeIssue);
    super(described.length > 1 ? `${what}:\n  ${described.join('\n  ')}` : `${what}: ${described[0] ?? 'invalid'}`, options);
    this.what = what;
    this.issues = issues;
  }

  /** The same error with its fields named as the person knows them: a command-line flag for a field. */
  withFieldNames(names: Readonly<Record<string, string>>): this {
    const Same = this.constructor as new (what: string, issues: readonly ValidationIssue[], options?: { cause?: unknown }) => this;
    return new Same(this.what, this.issues.map((issue) => ({ ...issue, field: names[issue.field] ?? issue.field })), { cause: this });
  }
}

export class ConfigValidationError extends ValidationError {}
export class PostValidationError extends ValidationError {}

export interface ValidationIssue {
  /** Dotted path of the field, e.g. `approvedAccounts[0].approvedOn`. */
  field: string;
  message: string;
  /** The offending value, shortened for display; absent when the field is missing. */
  value?: string;
}

export function describeIssue(issue: ValidationIssue): string {
  if (issue.field === '') return issue.value === undefined ? issue.message : `${issue.value}: ${issue.message}`;
  return issue.value === undefined ? `${issue.field}: ${issue.message}` : `${issue.field} = ${issue.value}: ${issue.message}`;
}

/**
 * Turns zod's issues into ours, looking the offending value up in the input. A key a strict object
 * refuses becomes one issue per key, named by its own path; given the schema, each says which known
 * field it was most likely meant to be. With `values: false` (a platform's payload, which holds other
 * people's posts and phone numbers) an issue names the value's type, never the value: the message
 * is stored on the scan run and shown in the digest. A person's own input keeps its value.
 */
export function issuesFromZod(error: z.core.$ZodError, input: unknown, schema?: z.core.$ZodType, options: { values?: boolean } = {}): ValidationIssue[] {
  const showValues = options.values ?? true;
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? knownFieldsAt(schema, path) : [];
      return issue.keys.map((key) => {
        const suggestion = closestName(key, known);
        return { field: formatPath([...path, key]), message: suggestion ? `is not a known field: did you mean "${suggestion}"?` : 'is not a known field' };
      });
    }
    const value = valueAt(input, path);
    const missing = value === undefined && issue.code === 'invalid_type';
    if (!showValues) {
      // zod's own messages say what was expected, never what was found; "received" names only a type.
      const typed = missing || value === undefined || issue.message.includes('received') ? issue.message : `${issue.message} (got ${typeName(value)})`;
      return [{ field: formatPath(path), message: missing ? `is missing (expected ${issue.expected})` : typed }];
    }
    return [{
      field: formatPath(path),
      message: missing ? `is missing (expected ${issue.expected})` : issue.message,
      ...(value === undefined ? {} : { value: displayValue(value) }),
    }];
  });
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc === '' ? p : `${acc}.${p}`),
    '',
  );
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** `a string`, `an array`, `null`…: what a value is, for a message that must not show it. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function displayValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export class AccountNotFoundError extends CouncilAuditError {}

/** A platform or source could not deliver posts; the scan records it and tries again next time. */
export class ConnectorError extends CouncilAuditError {}

/**
 * The scan of an account stopped before capturing anything because its platform's host asks every
 * scan to wait longer than one may (a rate limit, or the host's shared request budget): not a failed
 * capture, a scan to run again later. `retryAt` is when the host expects to be free, when known.
 */
export class ScanDeferredError extends CouncilAuditError {
  constructor(message: string, readonly retryAt: Date | undefined, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The store refused a post as it is (DynamoDB: an item over 400 KB, a key too long): a fault of that
 * post alone, not of the store, so the scan records it and goes on.
 */
export class PostNotStorableError extends CouncilAuditError {
  constructor(
    message: string,
    readonly postId: string,
    /** The store's own reason, without the post's identity. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An item read back from the store that does not match its schema: names the key and the field. */
export class StoredItemValidationError extends ValidationError {}

/** A status change for a finding that was never stored. */
export class FindingNotFoundError extends CouncilAuditError {}
