import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../../shared/domain/finding';
import { forEachFeature, wordingShape, wordingTokens, type FeatureKind } from '../../../shared/detectors/wording/features';
import { shippedWordingModel, WORDING_RULES, WordingModel } from '../../../shared/detectors/wording/model';
import { decodeWeights, encodeWeights } from '../../../shared/detectors/wording/weights';
import { detectAll } from '../../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../../support/fixtures';
import { compileContext } from '../../../shared/detectors/context';
import { politicalContent } from '../../../shared/detectors/political-content';
import { PostView } from '../../../shared/detectors/post-view';
import { isHeldBack } from '../../../shared/evaluation/corpus';

const BITS = 12;
const SCORE = { precision: 1, recall: 1, f1: 1, truePositives: 1, falsePositives: 0, falseNegatives: 0 };

/** A model whose weights are set by hand: each listed word of the given kind weighs what it is given; the bias is -3. */
function handModel(rule: RuleId, words: Record<string, number>, kind: FeatureKind = 'word', threshold = 0.5): WordingModel {
  const weights = new Float32Array(1 << BITS);
  const post = makePost({ text: `${Object.keys(words).join(' ')} you ladies` });
  const tokens = wordingTokens(post.text);
  forEachFeature(tokens, wordingShape(post, tokens), (id, k, at) => {
    if (k === 'bias') weights[id & ((1 << BITS) - 1)] = -3;
    if (k === kind && words[tokens[at]!] !== undefined) weights[id & ((1 << BITS) - 1)] = words[tokens[at]!]!;
  });
  const { scale, packed } = encodeWeights(weights, 0.001);
  return new WordingModel({
    format: 1,
    bits: BITS,
    trainedOn: { parts: ['hand'], councils: 1, posts: 1, cases: 0, leftOut: 0, minPrecision: 0.96 },
    rules: { [rule]: { threshold, crossValidation: { patternsAlone: SCORE, withModel: SCORE }, scale, weights: packed } },
  });
}

describe('WordingModel', () => {
  const model = handModel('confidential-information', { hush: 2.5, quiet: 2, keep: 0.5 });

  it('finds a breach when the words weigh above the threshold, naming the heaviest words first', () => {
    const text = 'Keep it quiet, hush now, keep it';
    const hit = model.read(makePost({ text })).hit('confidential-information', 'Confidential information');
    // "keep" is written without a capital too: not a name
    expect(hit?.evidence).toBe('"hush", "quiet", "keep"');
    expect(hit?.reason).toMatch(/reads as confidential information \(88% likely, above the 50%/);
    expect(hit?.location).toEqual({ field: 'text', start: text.indexOf('hush'), end: text.indexOf('hush') + 4 });
  });

  it('finds nothing when the words do not weigh enough', () => {
    // -3 + 2 = -1: 27% likely, under the 50% threshold
    expect(model.read(makePost({ text: 'Quiet week at the office' })).hit('confidential-information', 'Confidential information')).toBeUndefined();
  });

  it('says how likely it thinks a breach is, and nothing of a rule it does not speak for', () => {
    const reading = model.read(makePost({ text: 'hush quiet' }));
    expect(reading.probability('confidential-information')).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 3);
    expect(reading.probability('risky-link')).toBeUndefined();
    expect(reading.hit('risky-link', 'Risky link')).toBeUndefined();
  });

  it('never names a word written only with a capital (a name) as evidence, even opening a sentence', () => {
    const named = handModel('hostile-engagement', { derek: 4, again: 1 });
    const hit = named.read(makePost({ text: 'You have asked again, Derek.' })).hit('hostile-engagement', 'Hostile engagement');
    expect(hit?.evidence).toBe('"again"');
    const opening = named.read(makePost({ text: 'Derek. You have asked again.' })).hit('hostile-engagement', 'Hostile engagement');
    expect(opening?.evidence).toBe('"again"');
  });

  it('still finds a breach whose heaviest words may all be names, showing none of them', () => {
    const named = handModel('hostile-engagement', { derek: 4 });
    const hit = named.read(makePost({ text: 'You again, Derek.' })).hit('hostile-engagement', 'Hostile engagement');
    expect(hit?.evidence).toBe('(its wording as a whole)');
    expect(hit?.reason).toMatch(/may name someone, so are not shown/);
    expect(hit?.reason).not.toMatch(/derek/i);
  });

  it('makes no finding when only the post\'s shape weighs, with no word a clerk could check', () => {
    const shapeOnly = handModel('copyright-attribution', {}, 'word', 0.01);
    expect(shapeOnly.read(makePost({ text: 'Sunset' })).hit('copyright-attribution', 'Copyright')).toBeUndefined();
  });

  it('speaks of hostility and offence whether or not anyone or any group is named, and of attribution but on a repost', () => {
    const hostile = handModel('hostile-engagement', { again: 6 });
    expect(hostile.read(makePost({ text: 'Some members have asked again.' })).hit('hostile-engagement', 'Hostile engagement')).toBeDefined();
    expect(hostile.read(makePost({ text: 'You have asked again.' })).hit('hostile-engagement', 'Hostile engagement')).toBeDefined();
    const copyright = handModel('copyright-attribution', { sunset: 6 });
    expect(copyright.read(makePost({ text: 'Sunset over the quay.' })).hit('copyright-attribution', 'Copyright attribution')).toBeDefined();
    const repost = makePost({ text: 'Sunset over the quay.', repostOf: { account: '@club.example' } });
    expect(copyright.read(repost).hit('copyright-attribution', 'Copyright attribution')).toBeUndefined();
    const offensive = handModel('offensive-language', { cope: 6 });
    expect(offensive.read(makePost({ text: 'That lot could not cope.' })).hit('offensive-language', 'Offensive language')).toBeDefined();
    expect(offensive.read(makePost({ text: 'The ladies could not cope.' })).hit('offensive-language', 'Offensive language')).toBeDefined();
  });

  it.each([
    [{ format: 2 }, /format/],
    [{ bits: 40 }, /bits/],
    [{ rules: { 'hostile-engagement': { threshold: 1.5, crossValidation: { patternsAlone: SCORE, withModel: SCORE }, scale: 1, weights: '' } } }, /rules\.hostile-engagement\.threshold/],
    [{ rules: { 'no-such-rule': {} } }, /rules/],
  ])('refuses a broken model file, naming the field (%j)', (change, field) => {
    const file = { format: 1, bits: 10, trainedOn: { parts: [], councils: 0, posts: 0, cases: 0, leftOut: 0, minPrecision: 0.96 }, rules: {}, ...change };
    expect(() => new WordingModel(file)).toThrow(field);
  });
});

describe('the model weights file format', () => {
  it('keeps what weighs, to within 1/32767 of the largest weight, and drops the rest', () => {
    const weights = new Float32Array(1 << 16);
    weights[3] = 1.25;
    weights[40_000] = -0.5; // a gap of more than two bytes of 7 bits
    weights[65_535] = 0.004; // under `keep`
    const { scale, packed, kept } = encodeWeights(weights, 0.01);
    expect(kept).toBe(2);
    const back = decodeWeights(packed, scale, 1 << 16);
    expect(back[3]).toBeCloseTo(1.25, 4);
    expect(back[40_000]).toBeCloseTo(-0.5, 4);
    expect(back[65_535]).toBe(0);
  });

  it('refuses weights for a bucket beyond the table', () => {
    const weights = new Float32Array(1 << 10);
    weights[1000] = 1;
    const { scale, packed } = encodeWeights(weights, 0.01);
    expect(() => decodeWeights(packed, scale, 1 << 8)).toThrow(/bucket 1000 beyond the table's 256/);
  });
});

describe('where the rules let the model speak', () => {
  const context = compileContext(testConfig());
  const view = (text: string, createdAt: string) => new PostView(makePost({ text, createdAt }));

  it('lets it read campaigning only inside a pre-election period or beside a party cue', () => {
    const praise = 'Huge thanks to Priya for everything she does for this town!';
    // testConfig's election: period from 29 March 2027, polling day 6 May 2027
    expect(politicalContent.wordingApplies!(view(praise, '2027-04-12T10:00:00Z'), context)).toBe(true);
    expect(politicalContent.wordingApplies!(view(praise, '2027-01-12T10:00:00Z'), context)).toBe(false);
    expect(politicalContent.wordingApplies!(view('A brilliant turnout for the litter pick!', '2027-01-12T10:00:00Z'), context)).toBe(false);
    expect(politicalContent.wordingApplies!(view('Priya and the Green team were out in force!', '2027-01-12T10:00:00Z'), context)).toBe(true);
  });
});

const UNSEEN = join(__dirname, '../../fixtures/corpus-unseen');

describe('the shipped wording model', () => {
  it('was trained on the project\'s labelled councils, and speaks only for rules said in prose', () => {
    const WORDING_MODEL = shippedWordingModel();
    expect(WORDING_MODEL.file.trainedOn.posts).toBeGreaterThan(2000);
    // the parts held back to score it (their folders hold HELD_BACK.md) are not among them
    const heldBack = readdirSync(UNSEEN).filter((part) => isHeldBack(join(UNSEEN, part)));
    expect(heldBack.length).toBeGreaterThan(0);
    for (const part of heldBack) expect(WORDING_MODEL.file.trainedOn.parts).not.toContain(part);
    for (const rule of WORDING_MODEL.rules) expect(WORDING_RULES).toContain(rule);
    expect(WORDING_MODEL.rules).not.toContain('risky-link');
    expect(WORDING_MODEL.rules).not.toContain('unapproved-account');
  });

  // Posts written for this test, in no corpus the model was trained on.
  const SEXIST_CALL = 'Volunteers for the bonfire stewarding: ideally blokes, it gets rowdy after nine and the ladies found it a lot last year.';
  const MOCK_THANKS = 'Thanks ever so much, Graham, for your fourteenth email about the bench. We will treasure it alongside the other thirteen.';

  it.each([
    [SEXIST_CALL, 'offensive-language'],
    [MOCK_THANKS, 'hostile-engagement'],
  ])('finds what the patterns miss: "%s" (%s)', (text, rule) => {
    const post = makePost({ text });
    expect(detectAll(testConfig(), [post], undefined, { wording: null }).filter((f) => f.rule === rule)).toEqual([]);
    const [finding] = detectAll(testConfig(), [post]).filter((f) => f.rule === rule);
    expect(finding?.reason).toMatch(/its wording as a whole reads as .* the words that weigh most: /);
    // A name is never evidence
    expect(finding?.evidence).not.toMatch(/graham/i);
  });

  it.each([
    'The bins go out on Thursday this week because of the bank holiday.',
    'Thank you to everyone who came to the litter pick on Saturday: 32 bags collected!',
    'Thanks, Graham, for letting us know about the bench: the contractor will fix it on Monday.',
    'Bonfire stewards wanted: all welcome, training on the night, hi-vis provided.',
  ])('leaves an ordinary post alone: "%s"', (text) => {
    expect(detectAll(testConfig(), [makePost({ text })])).toEqual([]);
  });

  it("says nothing for a rule whose council keeps it to its patterns (rules.<id>.wordingModel: false), and still speaks for the others", () => {
    const config = testConfig({ rules: { 'offensive-language': { wordingModel: false } } });
    expect(detectAll(config, [makePost({ text: SEXIST_CALL })]).filter((f) => f.rule === 'offensive-language')).toEqual([]);
    expect(detectAll(config, [makePost({ text: MOCK_THANKS })]).filter((f) => f.rule === 'hostile-engagement')).toHaveLength(1);
  });

  it('refuses a wordingModel setting that is not true or false, naming the field', () => {
    expect(() => testConfig({ rules: { 'offensive-language': { wordingModel: 'no' } } })).toThrow(/rules\.offensive-language\.wordingModel/);
  });

  it('says nothing for a rule the council turned off', () => {
    const off = detectAll(testConfig({ rules: { 'offensive-language': { enabled: false } } }), [makePost({ text: SEXIST_CALL })]);
    expect(off.some((f) => f.rule === 'offensive-language')).toBe(false);
  });

  it("says nothing of a photo's source when the post names a source the council may use without credit", () => {
    const post = makePost({ text: 'Great shot by a local photographer!', media: [{ type: 'image', url: 'https://files.example/a.jpg' }] });
    const exempt = testConfig({ rules: { 'copyright-attribution': { exempt: ['a local photographer'] } } });
    expect(detectAll(exempt, [post]).filter((f) => f.rule === 'copyright-attribution')).toEqual([]);
  });
});
