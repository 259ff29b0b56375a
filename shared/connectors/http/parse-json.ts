/**
 * How deep a platform's JSON answer may nest. Real answers nest a dozen levels or so; a deeper one is
 * refused before it is parsed, so that nothing recursive downstream (schema checks, messages, mapping)
 * can overflow the stack on it.
 */
export const MAX_JSON_DEPTH = 200;

/** JSON.parse, refusing (with a SyntaxError saying so) text nested deeper than MAX_JSON_DEPTH; linear time. */
export function parseJson(text: string): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw new SyntaxError(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return JSON.parse(text);
}
