/**
 * A rule's learned weights as the model file keeps them: only the features that weigh anything, each as the
 * gap from the previous feature's bucket (a variable-length number) and its weight (16 bits, scaled), in
 * base64. Written by hand because it is twenty lines: a general serialiser (protobuf, msgpack) would add a
 * dependency to the scan's bundle to save nothing, and JSON numbers would make the file five times larger.
 */
export function encodeWeights(weights: Float32Array, keep: number): { scale: number; packed: string; kept: number } {
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest === 0 ? 1 : largest / 32767;
  const bytes: number[] = [];
  let previous = -1;
  let kept = 0;
  for (let i = 0; i < weights.length; i++) {
    if (Math.abs(weights[i]!) < keep) continue;
    let gap = i - previous;
    previous = i;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    const q = Math.round(weights[i]! / scale) & 0xffff;
    bytes.push(q & 0xff, q >>> 8);
    kept++;
  }
  return { scale, packed: Buffer.from(bytes).toString('base64'), kept };
}

/** The weights `encodeWeights` packed, in a table of `size` buckets (zero where nothing was kept). */
export function decodeWeights(packed: string, scale: number, size: number): Float32Array {
  const weights = new Float32Array(size);
  forEachPacked(packed, size, (bucket, q) => (weights[bucket] = q * scale));
  return weights;
}

/** Each kept weight as `encodeWeights` packed it: its bucket and its 16-bit value, before scaling. */
export function forEachPacked(packed: string, size: number, each: (bucket: number, quantised: number) => void): void {
  const bytes = Buffer.from(packed, 'base64');
  let at = 0;
  let bucket = -1;
  while (at < bytes.length) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++]!;
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    bucket += gap;
    const q = bytes[at]! | (bytes[at + 1]! << 8);
    at += 2;
    if (bucket >= size) throw new Error(`wording model: weight for bucket ${bucket} beyond the table's ${size}`);
    each(bucket, q >= 0x8000 ? q - 0x10000 : q);
  }
}
