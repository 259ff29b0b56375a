import * as z from '../../zod';
import { RuleIdSchema, type RuleId } from '../../domain/finding';
import type { Post } from '../../domain/post';
import { CouncilAuditError } from '../../domain/errors';
import type { Hit } from '../detector';
import { featureWords, forEachFeature, forEachFeatureOfHashes, ownProse, shapeAllows, shapeOfHashes, TokenHashes, wordingTokens, type FeatureKind, type WordingShape } from './features';
import { forEachPacked } from './weights';
import modelFile from './model.json' with { type: 'json' };

export { WORDING_RULES } from './rules';

/** Where `npm run train:wording` writes the model, from the checkout's root. */
export const WORDING_MODEL_PATH = 'shared/detectors/wording/model.json';

const CrossValidationScore = z.strictObject({
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  truePositives: z.number(),
  falsePositives: z.number(),
  falseNegatives: z.number(),
});

const WordingModelFileSchema = z.strictObject({
  format: z.literal(1),
  bits: z.number().check(z.int(), z.gte(8), z.lte(24)),
  trainedOn: z.strictObject({
    parts: z.array(z.string()),
    councils: z.number(),
    posts: z.number(),
    /** Cases of the detectors' tests, each training its own rule. */
    cases: z.number(),
    leftOut: z.number(),
    minPrecision: z.number(),
  }),
  rules: z.partialRecord(
    RuleIdSchema,
    z.strictObject({
      threshold: z.number().check(z.gt(0), z.lt(1)),
      crossValidation: z.strictObject({ patternsAlone: CrossValidationScore, withModel: CrossValidationScore }),
      scale: z.number().check(z.gt(0)),
      weights: z.string(),
    }),
  ),
});
export type WordingModelFile = z.infer<typeof WordingModelFileSchema>;

/** One rule's reading of a post: how likely a breach, and whether that clears the rule's threshold. */
interface RuleReading {
  rule: RuleId;
  /** Its place in the interleaved table: a bucket's weights for every rule sit side by side, one cache line. */
  index: number;
  /** The threshold as a sum of weights (its log-odds), so scoring needs no exponential. */
  logit: number;
  threshold: number;
}

/**
 * A second opinion on a post's wording, learned from the project's labelled councils (`npm run train:wording`):
 * per rule, a logistic regression over the post's words, pairs of words and shape. The engine asks it only
 * when a rule's own patterns found nothing, and it speaks only above the threshold that kept precision on
 * councils it was not trained on. A finding it makes names the words that weighed most.
 */
export class WordingModel {
  readonly #mask: number;
  readonly #readings: RuleReading[];
  /** Weights as the file keeps them (16 bits, scaled per rule), bucket-major: `table[bucket * rules + rule]`. */
  readonly #table: Int16Array;
  readonly #scales: Float64Array;
  /** A small table of the buckets counted for the post being read: a feature counts once per post, as in training. */
  readonly #slotBucket = new Int32Array(SLOTS);
  readonly #slotStamp = new Uint32Array(SLOTS);
  /** The post being read's sums of weights, one per rule: copied only for a post that clears a threshold. */
  readonly #sums: Float64Array;
  #posts = 0;
  /** The post being read's words, as hashes: one buffer, reused. */
  readonly #words = new TokenHashes();
  readonly file: WordingModelFile;

  constructor(input: unknown) {
    const parsed = WordingModelFileSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CouncilAuditError(`the wording model file is not valid: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    this.file = parsed.data;
    const size = 1 << parsed.data.bits;
    this.#mask = size - 1;
    const rules = Object.entries(parsed.data.rules);
    this.#table = new Int16Array(size * rules.length);
    this.#scales = Float64Array.from(rules.map(([, r]) => r.scale));
    this.#sums = new Float64Array(rules.length);
    this.#readings = rules.map(([rule, r], index) => {
      forEachPacked(r.weights, size, (bucket, quantised) => (this.#table[bucket * rules.length + index] = quantised));
      return { rule: rule as RuleId, index, logit: Math.log(r.threshold / (1 - r.threshold)), threshold: r.threshold };
    });
  }

  /** The rules this model speaks for. */
  get rules(): RuleId[] {
    return this.#readings.map((r) => r.rule);
  }

  /** The rules whose threshold the post's wording clears: one read of the post for all rules. */
  read(post: Post): WordingReading {
    const prose = ownProse(post);
    const { hashes, length } = this.#words.read(prose);
    const shape = shapeOfHashes(post, hashes, length);
    const sums = this.#sums;
    sums.fill(0);
    const readings = this.#readings;
    const rules = readings.length;
    // At most four features a word and five of shape: a post that could fill half the slots is counted with a Set.
    if (length * 4 + 5 < SLOTS / 2) {
      const stamp = (this.#posts = (this.#posts % 0xfffffffe) + 1);
      if (stamp === 1) this.#slotStamp.fill(0);
      forEachFeatureOfHashes(hashes, length, shape, this.#countOnce);
    } else {
      const counted = new Set<number>();
      forEachFeatureOfHashes(hashes, length, shape, (id) => {
        const bucket = id & this.#mask;
        if (counted.has(bucket)) return;
        counted.add(bucket);
        this.#add(bucket);
      });
    }
    let clears = false;
    for (let r = 0; r < rules; r++) {
      sums[r]! *= this.#scales[r]!;
      if (sums[r]! >= readings[r]!.logit) clears = true;
    }
    // Most posts clear no threshold: they share one empty reading, and nothing more is kept of them.
    if (!clears) return NOTHING;
    const over = readings.filter((reading, r) => sums[r]! >= reading.logit && shapeAllows(reading.rule, shape));
    const scales = this.#scales;
    const table = this.#table;
    const mask = this.#mask;
    const weight = (id: number, r: RuleReading) => table[(id & mask) * rules + r.index]! * scales[r.index]!;
    // Read again as words, to name them: only for the few posts that clear a threshold.
    return new WordingReading({ post, tokens: wordingTokens(prose), shape, over, sums: Float64Array.from(sums), readings, weight });
  }

  /** Adds a bucket's weights to the post's sums, once per post: the slot table remembers the buckets counted. */
  readonly #countOnce = (id: number): void => {
    const bucket = id & this.#mask;
    const slotBucket = this.#slotBucket;
    const slotStamp = this.#slotStamp;
    const stamp = this.#posts;
    let slot = Math.imul(bucket, 0x9e3779b1) >>> (32 - SLOT_BITS);
    while (slotStamp[slot] === stamp) {
      if (slotBucket[slot] === bucket) return;
      slot = (slot + 1) & (SLOTS - 1);
    }
    slotStamp[slot] = stamp;
    slotBucket[slot] = bucket;
    this.#add(bucket);
  };

  #add(bucket: number): void {
    const sums = this.#sums;
    const table = this.#table;
    const rules = sums.length;
    const base = bucket * rules;
    for (let r = 0; r < rules; r++) sums[r]! += table[base + r]!;
  }
}

interface ReadingParts {
  post: Post;
  tokens: string[];
  shape: WordingShape;
  /** The rules whose threshold the post clears, on a post the rule's shape allows. */
  over: RuleReading[];
  sums: Float64Array;
  readings: RuleReading[];
  weight: (id: number, reading: RuleReading) => number;
}

/** What the model made of one post. */
export class WordingReading {
  readonly #parts: ReadingParts | undefined;

  /** No parts: the post cleared no rule's threshold, and nothing more is kept of it. */
  constructor(parts?: ReadingParts) {
    this.#parts = parts;
  }

  /**
   * How likely the model thinks a breach of the rule is (0 to 1), for a post whose wording cleared some rule's
   * threshold; undefined for any other post, or for a rule the model does not speak for.
   */
  probability(rule: RuleId): number | undefined {
    const r = this.#parts?.readings.findIndex((reading) => reading.rule === rule) ?? -1;
    return r < 0 ? undefined : 1 / (1 + Math.exp(-this.#parts!.sums[r]!));
  }

  /** A finding for the rule, when the wording clears its threshold: the words that weighed most are its evidence. */
  hit(rule: RuleId, title: string): Hit | undefined {
    const parts = this.#parts;
    const reading = parts?.over.find((r) => r.rule === rule);
    if (parts === undefined || reading === undefined) return undefined;
    const { weighing, shown } = strongest(parts, reading, 3);
    // A score made by the post's shape alone (a photo with few words) names nothing a clerk could check.
    if (weighing === 0) return undefined;
    const likely = Math.round((this.probability(rule) ?? 0) * 100);
    const location = locate(parts.post.text, shown[0]);
    const named = shown.length > 0 ? `the words that weigh most: ${shown.join(', ')}` : 'the words that weigh most may name someone, so are not shown';
    return {
      evidence: shown.length > 0 ? shown.map((w) => `"${w}"`).join(', ') : '(its wording as a whole)',
      reason:
        `its wording as a whole reads as ${title.toLowerCase()} (${likely}% likely, above the ${Math.round(reading.threshold * 100)}% ` +
        `a model learned from other councils' labelled posts needs); ${named}`,
      ...(location ? { location } : {}),
    };
  }
}

/**
 * The words behind the strongest features for the rule, distinct, strongest first, and how many words weigh
 * for it at all. A word that may be a name (written with a capital and never without), a stand-in (a handle, a
 * link, a number) or an emoji is not shown: evidence is masked of personal data wherever it leaves the engine.
 */
function strongest(parts: ReadingParts, reading: RuleReading, count: number): { weighing: number; shown: string[] } {
  const safe = safeWords(parts.post.text, parts.tokens);
  const weighed = new Map<string, number>();
  let weighing = 0;
  forEachFeature(parts.tokens, parts.shape, (id, kind: FeatureKind, at) => {
    if (at < 0) return;
    const w = parts.weight(id, reading);
    if (w <= 0) return;
    weighing++;
    const words = featureWords(parts.tokens, kind, at);
    if (!words.split(' ').every((word) => safe.has(word))) return;
    if (w > (weighed.get(words) ?? 0)) weighed.set(words, w);
  });
  const heaviest = [...weighed.entries()].sort((a, b) => b[1] - a[1]).map(([words]) => words);
  // A pair and its own words say the same thing twice: keep the first of them.
  const shown: string[] = [];
  for (const words of heaviest) {
    if (shown.some((k) => k.split(' ').some((w) => words.split(' ').includes(w)))) continue;
    shown.push(words);
    if (shown.length === count) break;
  }
  return { weighing, shown };
}

/** The stand-ins and tone marks of `wordingTokens`: not words a clerk could find in the post. */
const STAND_INS = new Set(['xurl', 'xemail', 'xmention', 'xhashtag', 'xnum', 'xquote', 'xquestion', 'xexclaim', 'xellipsis']);

/**
 * The post's words that may be shown: not a stand-in or an emoji, and not a word that may be a name, that is one
 * the text writes with a capital and never without ("Derek", and "Keep" at a sentence's start too: a sentence
 * may open with a name). A word the text never spells as such (folded from look-alike letters) is shown as
 * folded. One pass over the text, so a long post costs no more than its length.
 */
function safeWords(text: string, tokens: readonly string[]): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const match of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const word = match[0].replace(/['’]/g, '');
    const folded = word.toLowerCase();
    (word === folded ? lower : capitalised).add(folded);
  }
  const shown = new Set<string>();
  for (const token of tokens) {
    if (STAND_INS.has(token) || token.length < 2 || token.startsWith('xemoji')) continue;
    if (lower.has(token) || !capitalised.has(token)) shown.add(token);
  }
  return shown;
}

function locate(text: string, words: string | undefined): Hit['location'] | undefined {
  if (words === undefined) return undefined;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.split(' ').join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
  const match = pattern.exec(text);
  return match ? { field: 'text', start: match.index, end: match.index + match[0].length } : undefined;
}

/** The reading of a post that clears no rule's threshold: it finds nothing, and says so for every rule. */
const NOTHING = new WordingReading();

const SLOT_BITS = 12;
const SLOTS = 1 << SLOT_BITS;

let shipped: WordingModel | undefined;

/** The model trained from the project's corpus, shipped with the rules; read on first use (training replaces it). */
export function shippedWordingModel(): WordingModel {
  shipped ??= new WordingModel(modelFile);
  return shipped;
}
