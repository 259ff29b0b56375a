import fc from 'fast-check';

/**
 * Mutations of a recorded JSON payload, as a platform that changed its API (or a broken proxy) might
 * send it: a value replaced by any other JSON value, a field dropped, a value wrapped in an array or
 * turned into its JSON string. Each names its place by a number, taken modulo the places there are,
 * so that fast-check can shrink it.
 */
export interface JsonMutation {
  at: number;
  op: 'replace' | 'delete' | 'wrap' | 'stringify';
  value: unknown;
}

export const jsonMutations = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom('replace', 'delete', 'wrap', 'stringify') as fc.Arbitrary<JsonMutation['op']>,
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  { minLength: 1, maxLength: 3 },
);

type Container = Record<string, unknown> | unknown[];

/** The payload with each mutation applied in turn (the original is left alone). */
export function mutateJson(payload: unknown, mutations: readonly JsonMutation[]): unknown {
  const root: { value: unknown } = { value: structuredClone(payload) };
  for (const { at, op, value } of mutations) {
    const places = placesIn(root);
    const [parent, key] = places[at % places.length]!;
    const current = (parent as Record<string | number, unknown>)[key];
    if (op === 'delete' && parent !== root) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, unknown>)[key];
      continue;
    }
    (parent as Record<string | number, unknown>)[key] =
      op === 'wrap' ? [current] : op === 'stringify' ? (JSON.stringify(current) ?? 'null') : structuredClone(value);
  }
  return root.value;
}

/** Every place a value sits (its container and key), the root included, in a fixed order. */
function placesIn(root: { value: unknown }): Array<[Container | { value: unknown }, string | number]> {
  const places: Array<[Container | { value: unknown }, string | number]> = [[root, 'value']];
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        places.push([node, i]);
        visit(child);
      });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      places.push([node as Record<string, unknown>, key]);
      visit(child);
    }
  };
  visit(root.value);
  return places;
}
