/** Runs something that must fail, and returns what it threw; a test fails if it succeeds or throws a non-Error. */
export async function failure(work: Promise<unknown> | (() => Promise<unknown>)): Promise<Error> {
  let error: unknown;
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    error = e;
  }
  if (!(error instanceof Error)) throw new Error(error === undefined ? 'expected it to fail' : `expected an Error, got ${String(error)}`);
  return error;
}
