/**
 * Counts the work a piece of synchronous code does on strings and arrays, without a clock: the
 * characters each regular expression scans, the characters each search or case change covers, one
 * unit per character read, and the length of each array walked. The count is only an estimate of the
 * time taken, but it is the same on every run and machine, so a test can compare it across input
 * sizes: code that is linear in its input does about twice the work on an input twice as long,
 * quadratic code about four times as much.
 */
export function countWork(run: () => void): number {
  let work = 0;
  const restore = instrument((units) => (work += units));
  try {
    run();
  } finally {
    restore();
  }
  return work;
}

/**
 * The same for code that awaits only promises that are already settled (a stubbed HTTP answer,
 * say), so that nothing else runs while the prototypes are instrumented.
 */
export async function countWorkAsync(run: () => Promise<unknown>): Promise<number> {
  let work = 0;
  const restore = instrument((units) => (work += units));
  try {
    await run();
  } finally {
    restore();
  }
  return work;
}

/** Replaces the string, regular-expression and array methods with ones that count; returns the undo. */
// It wraps built-in methods of every signature, so their receivers, arguments and results are untyped here.
/* eslint-disable @typescript-eslint/no-explicit-any */
function instrument(count: (units: number) => void): () => void {
  const restore: Array<() => void> = [];
  const patch = <T extends object>(target: T, name: string | symbol, cost: (self: any, args: any, result: any) => number) => {
    const original = (target as any)[name] as (...args: any[]) => any;
    (target as any)[name] = function (this: any, ...args: any[]) {
      const before = this instanceof RegExp ? this.lastIndex : 0;
      const result = original.apply(this, args);
      count(1 + cost(this, name === 'exec' ? [before, ...args] : args, result));
      return result;
    };
    restore.push(() => {
      (target as any)[name] = original;
    });
  };

  patch(RegExp.prototype, 'exec', (re: RegExp, [before, input]: [number, string], m: RegExpExecArray | null) => {
    const from = re.global || re.sticky ? before : 0;
    if (re.sticky) return m ? m[0].length : 0;
    // Anchored at the start: one attempt, which fails as soon as the text stops fitting
    if (!re.multiline && re.source.startsWith('^')) return m ? m[0].length : Math.min(String(input).length, 64);
    return m ? m.index + m[0].length - from : String(input).length - from;
  });
  // A slice of a long string shares its characters (V8 makes it in constant time): what is done
  // with it is counted instead.
  for (const name of ['padStart', 'padEnd', 'repeat']) {
    patch(String.prototype, name, (_s, _a, result: string) => result.length);
  }
  for (const name of ['toLowerCase', 'toUpperCase', 'normalize', 'trim', 'trimStart', 'trimEnd', 'includes', 'startsWith', 'endsWith', 'localeCompare']) {
    patch(String.prototype, name, (s: string) => String(s).length);
  }
  patch(String.prototype, 'indexOf', (s: string, [, from]: [string, number?], at: number) => (at < 0 ? String(s).length : at) - (from ?? 0));
  patch(String.prototype, 'lastIndexOf', (s: string, [, from]: [string, number?], at: number) => (from ?? String(s).length) - Math.max(at, 0));
  for (const name of ['charCodeAt', 'codePointAt', 'charAt', 'at']) patch(String.prototype, name, () => 0);
  for (const name of ['some', 'every', 'find', 'findIndex', 'findLast', 'includes', 'indexOf', 'lastIndexOf', 'filter', 'map', 'flatMap', 'forEach', 'reduce', 'join', 'slice', 'concat', 'sort']) {
    patch(Array.prototype, name, (a: unknown[]) => a.length);
  }
  // A for…of loop over an array, counted as a walk of all of it
  patch(Array.prototype, Symbol.iterator, (a: unknown[]) => a.length);
  return () => {
    for (const undo of restore.reverse()) undo();
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * How much more work the code does on an input twice as long: about 2 when it is linear, 4 when
 * it is quadratic. `make(size)` builds the input, `run` does the work on it.
 */
export function growth<T>(make: (size: number) => T, run: (input: T) => void, size: number): number {
  const small = make(size);
  const large = make(size * 2);
  run(small); // the first run compiles what later runs reuse (per-context caches, lazy tables)
  return countWork(() => run(large)) / countWork(() => run(small));
}

/** `growth` for asynchronous work (see countWorkAsync). */
export async function growthAsync<T>(make: (size: number) => T, run: (input: T) => Promise<unknown>, size: number): Promise<number> {
  const small = make(size);
  const large = make(size * 2);
  await run(small);
  return (await countWorkAsync(() => run(large))) / (await countWorkAsync(() => run(small)));
}
