import { hash } from 'node:crypto';
import type { CouncilConfig, Severity } from '../domain/config';
import { ConfigValidationError } from '../domain/errors';
import { RULE_IDS, RULE_SENSITIVITY, type Finding, type RuleId, type Sensitivity } from '../domain/finding';
import type { Platform, Post } from '../domain/post';
import { compileContext, type DetectionContext } from '../detectors/context';
import type { AccountDetector, AccountSighting, Detector, DetectorMeta, Hit, PostDetector } from '../detectors/detector';
import { DETECTORS } from '../detectors/index';
import { PostView } from '../detectors/post-view';
import { handleKey } from '../domain/account';
import { shippedWordingModel, type WordingModel } from '../detectors/wording/model';

export interface EngineOptions {
  /**
   * The second opinion on a post's wording, asked when a rule's own patterns found nothing (the shipped model
   * unless given); null for the patterns alone, as training does to measure what the model adds.
   */
  wording?: WordingModel | null;
}

/**
 * The detection engine for one scan: post-level rules on every post, account-level rules once per
 * account (when the account is first seen, or up front for accounts registered in the configuration).
 */
export class DetectionEngine {
  readonly context: DetectionContext;
  readonly #postDetectors: PostDetector[];
  readonly #accountDetectors: AccountDetector[];
  readonly #severityOverride: Partial<Record<RuleId, Severity>>;
  readonly #accountsSeen = new Set<string>();
  readonly #handlesPosted = new Map<Platform, Set<string>>();
  readonly #wording: WordingModel | null;
  /** The post-level rules the wording model speaks for and the council has left it on for: a post is read only for them. */
  readonly #worded: ReadonlySet<RuleId>;

  constructor(config: CouncilConfig, detectors: readonly Detector[] = DETECTORS, options: EngineOptions = {}) {
    for (const key of Object.keys(config.rules)) {
      if (!(RULE_IDS as readonly string[]).includes(key)) {
        throw new ConfigValidationError('invalid council configuration', [
          { field: `rules.${key}`, value: JSON.stringify(key), message: `unknown rule; expected one of ${RULE_IDS.join(', ')}` },
        ]);
      }
    }
    this.context = compileContext(config);
    const enabled = detectors.filter((d) => config.rules[d.meta.id]?.enabled !== false);
    this.#postDetectors = enabled.filter((d): d is PostDetector => d.meta.level === 'post');
    this.#accountDetectors = enabled.filter((d): d is AccountDetector => d.meta.level === 'account');
    this.#wording = options.wording === undefined ? shippedWordingModel() : options.wording;
    const spoken = new Set(this.#wording?.rules ?? []);
    // A council may keep a rule to its patterns: `rules.<id>.wordingModel: false`.
    this.#worded = new Set(this.#postDetectors.map((d) => d.meta.id).filter((id) => spoken.has(id) && config.rules[id]?.wordingModel !== false));
    this.#severityOverride = Object.fromEntries(
      Object.entries(config.rules).flatMap(([id, s]) => (s.severity ? [[id, s.severity]] : [])),
    );
  }

  /** Account-level findings for the accounts registered in the configuration; call once per scan. */
  checkRegisteredAccounts(): Finding[] {
    const findings: Finding[] = [];
    for (const account of this.context.config.approvedAccounts) {
      const key = handleKey(account.platform, account.handle);
      if (this.#accountsSeen.has(key)) continue;
      this.#accountsSeen.add(key);
      const sighting: AccountSighting = {
        platform: account.platform,
        handle: account.handle,
        displayName: account.displayName,
        registered: true,
        approvedBy: account.approvedBy,
        approvedOn: account.approvedOn,
      };
      for (const finding of this.checkAccount(sighting)) findings.push(finding);
    }
    return findings;
  }

  /** Every finding for one post, including an account-level one the first time its account posts. */
  checkPost(post: Post): Finding[] {
    const view = new PostView(post);
    let findings: Map<string, Finding> | undefined;
    for (const detector of this.#postDetectors) findings = this.#detect(detector, view, findings);
    return this.#withAccountFindings(post, findings);
  }

  /**
   * Each post with its findings, in order: exactly what checkPost gives one post at a time. The rules run
   * one after another over a batch of `batch` posts, so that each rule's expressions stay in the
   * processor's caches; beside seven other rules, one post at a time, each rule costs about half as much
   * again (`npm run bench`).
   */
  *checkInBatches(posts: Iterable<Post>, batch = 256): Generator<[Post, Finding[]]> {
    let pending: Post[] = [];
    const flush = (): Array<[Post, Finding[]]> => {
      const views = pending.map((post) => new PostView(post));
      const found: Array<Map<string, Finding> | undefined> = new Array(pending.length);
      for (const detector of this.#postDetectors) {
        for (let i = 0; i < pending.length; i++) found[i] = this.#detect(detector, views[i]!, found[i]);
      }
      const checked = pending.map((post, i): [Post, Finding[]] => [post, this.#withAccountFindings(post, found[i])]);
      pending = [];
      return checked;
    };
    for (const post of posts) {
      pending.push(post);
      if (pending.length >= batch) yield* flush();
    }
    if (pending.length > 0) yield* flush();
  }

  /**
   * One rule's findings on a post, added to those it has; the map is made only for a post with findings: most
   * have none. When the rule's patterns find nothing, the wording model is asked (the post read once for all rules).
   */
  #detect(detector: PostDetector, view: PostView, findings: Map<string, Finding> | undefined): Map<string, Finding> | undefined {
    const { post } = view;
    let hits = detector.detect(view, this.context);
    if (hits.length === 0 && this.#worded.has(detector.meta.id)) {
      const hit = (view.wording ??= this.#wording!.read(post)).hit(detector.meta.id, detector.meta.title);
      // The rule's own bar, by the council's settings, is asked only of the few posts the model would flag.
      if (hit && (detector.wordingApplies?.(view, this.context) ?? true)) hits = [hit];
    }
    for (const hit of hits) {
      const finding = this.#toFinding(detector.meta, hit, post.platform, post.account, post);
      (findings ??= new Map()).set(finding.id, finding);
    }
    return findings;
  }

  /** A post's findings, with the account-level ones the first time its account posts. */
  #withAccountFindings(post: Post, findings: Map<string, Finding> | undefined): Finding[] {
    if (!this.#postedAlready(post)) {
      const key = handleKey(post.platform, post.account);
      if (this.#accountsSeen.has(key)) return findings ? [...findings.values()] : [];
      findings ??= new Map();
      this.#accountsSeen.add(key);
      const registered = this.context.config.approvedAccounts.find((a) => handleKey(a.platform, a.handle) === key);
      for (const finding of this.checkAccount({
        platform: post.platform,
        handle: post.account,
        displayName: post.accountName,
        firstPost: post,
        registered: registered !== undefined,
        approvedBy: registered?.approvedBy,
        approvedOn: registered?.approvedOn,
      })) {
        findings.set(finding.id, finding);
      }
    }
    return findings ? [...findings.values()] : [];
  }

  /**
   * Whether the account, as the post writes it, has posted in this scan before: the handle as
   * written is remembered, so that it is not normalised again for every post of a long scan.
   */
  #postedAlready(post: Post): boolean {
    let handles = this.#handlesPosted.get(post.platform);
    if (handles === undefined) this.#handlesPosted.set(post.platform, (handles = new Set()));
    if (handles.has(post.account)) return true;
    handles.add(post.account);
    return false;
  }

  /** Account-level findings for one account, however it was found (impostor discovery, say). */
  checkAccount(account: AccountSighting): Finding[] {
    return this.#accountDetectors.flatMap((detector) =>
      detector.detect(account, this.context).map((hit) =>
        this.#toFinding(detector.meta, hit, account.platform, account.handle, account.firstPost),
      ),
    );
  }

  #toFinding(meta: DetectorMeta, hit: Hit, platform: Platform, account: string, post: Post | undefined): Finding {
    const subject = meta.level === 'account' ? handleKey(platform, account) : `${platform}\u0000${post?.id}`;
    const where = hit.location ? `${hit.location.field}:${hit.location.start}` : '';
    return {
      id: findingId(meta.id, subject, where, hit.evidence),
      rule: meta.id,
      severity: this.#severityOverride[meta.id] ?? hit.severity ?? meta.defaultSeverity,
      ...(post ? { postId: post.id } : {}),
      account,
      platform,
      ...(post?.url ? { postUrl: post.url } : {}),
      ...(post ? { postedAt: post.createdAt } : {}),
      evidence: hit.evidence,
      reason: hit.reason,
      clause: meta.clause,
      remediation: hit.remediation ?? meta.remediation,
      ...(hit.location ? { location: hit.location } : {}),
      ...sensitivityOf(meta.id, hit),
    };
  }
}

function sensitivityOf(rule: RuleId, hit: Hit): { sensitivity?: Sensitivity } {
  const sensitivity = hit.sensitivity ?? RULE_SENSITIVITY[rule];
  return sensitivity ? { sensitivity } : {};
}

/** A short, stable id: the same rule, subject and evidence give the same id on every run. */
export function findingId(rule: RuleId, ...parts: string[]): string {
  // crypto.hash is the one-shot form of createHash(…).update(…).digest(…): the same digest, without a Hash object per finding.
  return `${rule}:${hash('sha256', [rule, ...parts].join('\u0000'), 'hex').slice(0, 20)}`;
}

/** Convenience for a whole batch: registered accounts first, then every post in order. */
export function detectAll(config: CouncilConfig, posts: Iterable<Post>, detectors?: readonly Detector[], options?: EngineOptions): Finding[] {
  const engine = new DetectionEngine(config, detectors, options);
  const findings = engine.checkRegisteredAccounts();
  // One by one: spreading a post's findings into push would overflow the stack for a post with a few hundred thousand
  for (const [, found] of engine.checkInBatches(posts)) for (const finding of found) findings.push(finding);
  return findings;
}
