import type { Platform } from '../../domain/post';

/** The same account however its handle is written: case and a leading `@` do not matter. */
export function handleKey(platform: Platform, handle: string): string {
  return `${platform}\u0000${normaliseHandle(handle)}`;
}

export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}
