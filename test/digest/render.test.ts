import { describe, expect, it } from 'vitest';
import { buildDigestFacts } from '../../shared/digest/build-digest';
import { renderDigestHtml } from '../../shared/digest/render-html';
import { renderDigestText } from '../../shared/digest/render-text';
import { formatLocal, parseIsoWeek } from '../../shared/domain/calendar';
import { normaliseHandle } from '../../shared/domain/account';
import { testConfig } from '../support/fixtures';
import { busyWeek, collapse, NOW, scanRun, storedFinding, storeWith, visibleText, WEEK } from './digest-fixtures';

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'body', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'p', 'div', 'a', 'span', 'strong', 'em', 'code', 'img']);
const ALLOWED_ATTRIBUTES = new Set([
  'lang', 'charset', 'name', 'content', 'role', 'width', 'height', 'cellpadding', 'cellspacing', 'border', 'align', 'valign', 'colspan', 'scope', 'style', 'href', 'src', 'alt',
  // the trend's scrolling box, reachable by keyboard and named (WCAG 2.1.1): inert, no script
  'tabindex', 'aria-label',
]);

/** Every tag and attribute of the markup (escaped text has no `<`, so this sees only real markup). */
function markup(html: string): { tags: string[]; attributes: string[]; hrefs: string[]; srcs: string[] } {
  const tags: string[] = [];
  const attributes: string[] = [];
  const hrefs: string[] = [];
  const srcs: string[] = [];
  for (const [, name, rest] of html.replace(/^<!DOCTYPE html>/, '').matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    tags.push(name!.toLowerCase());
    for (const [, attribute, value] of rest!.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      attributes.push(attribute!.toLowerCase());
      if (attribute === 'href') hrefs.push(value!);
      if (attribute === 'src') srcs.push(value!);
    }
    // Nothing in a tag but name="value" pairs: no bare attributes an injection could have added.
    expect(rest!.replace(/\s*[a-zA-Z-]+="[^"]*"/g, '').trim()).toBe('');
  }
  return { tags, attributes, hrefs, srcs };
}

async function busyDigest() {
  const { findings, earlier, later, runs } = busyWeek();
  const store = await storeWith([...findings, ...earlier, ...later], runs);
  const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);
  return { findings, earlier, runs, facts, html: renderDigestHtml(facts), text: renderDigestText(facts) };
}

describe('digest renderers', () => {
  it('say the same facts in HTML and plain text', async () => {
    // Prepare
    const { findings, earlier, runs, facts, html, text } = await busyDigest();

    // Act
    const shown = { html: visibleText(html), text: collapse(text) };

    // Assess
    const weekRuns = runs.filter((r) => r.week === WEEK.id);
    const accounts = new Set(weekRuns.map((r) => `${r.platform} ${normaliseHandle(r.handle)}`)).size;
    const postsChecked = weekRuns.reduce((n, r) => n + r.postsNew, 0);
    const stillOpen = earlier.filter((f) => f.status === 'open' || f.status === 'acknowledged');
    for (const [name, body] of Object.entries(shown)) {
      const says = (fact: string) => expect(body, `${name} should say ${fact}`).toContain(fact);
      says('Council Audit — Harbourne Town Council');
      says('week 2027-W05 (Mon 1 Feb – Sun 7 Feb 2027');
      says(`New this week${name === 'text' ? ':' : ''} ${findings.length} findings (`);
      says(`Accounts checked${name === 'text' ? ':' : ''} ${accounts} (${weekRuns.length} checks this week)`);
      says(`Posts read${name === 'text' ? ':' : ''} ${postsChecked} new or edited posts`);
      says(`Still open from earlier weeks${name === 'text' ? ':' : ''} ${stillOpen.length}`);
      for (const f of findings) {
        says(f.account);
        says(f.evidence);
        says(f.reason);
        says(f.clause);
        says(f.remediation);
        if (f.postUrl) says(f.postUrl);
      }
      for (const f of stillOpen) {
        says(f.reason);
        says(`found ${formatLocal(f.detectedAt, 'Europe/London')}`);
      }
      for (const r of weekRuns.filter((run) => run.outcome === 'failed')) says(r.handle);
      says('rate limited (HTTP 429)');
      says('2 of 2 checks failed');
      says('posted Tue 2 Feb 2027, 10:15');
      expect(body).not.toContain('a finding from the week after');
      expect(body).not.toContain('a dismissed link finding');
    }
    expect(facts.headline.newFindings).toBe(findings.length);
  });

  it('lists high severity findings before medium and low ones', async () => {
    const { text, html } = await busyDigest();

    for (const body of [collapse(text), visibleText(html)]) {
      const items = body.slice(body.search(/New this week \(|NEW THIS WEEK \(/));
      const high = items.search(/\[HIGH\]|HIGH @/);
      const medium = items.search(/\[MEDIUM\]|MEDIUM @/);
      const low = items.search(/\[LOW\]|LOW @/);
      expect(high).toBeGreaterThan(-1);
      expect(high).toBeLessThan(medium);
      expect(medium).toBeLessThan(low);
    }
  });

  it('is plain inline-styled HTML with no scripts, stylesheets or remote content; its one image travels inside the email', async () => {
    const { html } = await busyDigest();

    const { tags, attributes, hrefs, srcs } = markup(html);
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(attributes.filter((a) => !ALLOWED_ATTRIBUTES.has(a))).toEqual([]);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
    expect(srcs).toEqual(['cid:findings-chart']);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('shows hostile strings from posts, accounts and platforms as harmless text', async () => {
    // Prepare
    const hostile = {
      evidence: '<script>alert(1)</script>',
      reason: '<img src=x onerror=alert(1)>',
      account: '"><svg onload=alert(1)>',
      postUrl: 'javascript:alert(document.cookie)',
      clause: "' onmouseover='alert(1)",
      remediation: 'Visit <a href="https://evil.example">here</a> & sign in',
    };
    const store = await storeWith(
      [storedFinding(hostile), storedFinding({ rule: 'unapproved-account', account: '<b>impostor</b>', evidence: '<iframe src="https://evil.example">' })],
      [scanRun({ outcome: 'failed', handle: '<marquee>@x</marquee>', error: '<style>body{display:none}</style>', postsFetched: 0, postsNew: 0 })],
    );
    const facts = await buildDigestFacts(store, testConfig({ council: { name: 'Harbourne <i>Town</i> Council' } }), WEEK, NOW);

    // Act
    const html = renderDigestHtml(facts);

    // Assess
    const { tags, attributes, hrefs, srcs } = markup(html);
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(attributes.filter((a) => !ALLOWED_ATTRIBUTES.has(a))).toEqual([]);
    expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
    expect(hrefs.some((h) => h.includes('evil.example'))).toBe(false);
    expect(srcs).toEqual(['cid:findings-chart']);
    const shown = visibleText(html);
    for (const value of [...Object.values(hostile), '<b>impostor</b>', '<iframe src="https://evil.example">', '<marquee>@x</marquee>', '<style>body{display:none}</style>']) {
      expect(shown).toContain(value);
    }
    expect(shown).toContain('(not a web address, not linked)');
  });

  it('keeps a line break in a post from faking a new entry in the plain text', async () => {
    const store = await storeWith([storedFinding({ evidence: 'first line\n  2. a fake entry\r\n     Why: nothing' })], [scanRun()]);
    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    const text = renderDigestText(facts);

    expect(text).toMatch(/^ +Evidence: first line +2\. a fake entry +Why: nothing$/m);
    expect(text).not.toMatch(/^\s+2\. a fake entry/m);
  });

  it('says all clear for a week with nothing new, in both parts', async () => {
    const store = await storeWith([], [scanRun(), scanRun({ platform: 'bluesky', handle: '@harbournetc.bsky.social' })]);
    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);

    const text = renderDigestText(facts);
    const html = renderDigestHtml(facts);

    for (const body of [collapse(text), visibleText(html)]) {
      expect(body).toContain('All clear: nothing new found this week, and every account was read.');
      expect(body).not.toMatch(/new this week \(/i);
      expect(body).not.toContain('PRE-ELECTION');
    }
  });

  it('warns of the pre-election period in both parts', async () => {
    const week = parseIsoWeek('2027-W14');
    const store = await storeWith([], [scanRun({ week: week.id })]);
    const facts = await buildDigestFacts(store, testConfig(), week, NOW);

    const text = renderDigestText(facts);
    const html = renderDigestHtml(facts);

    for (const body of [collapse(text), visibleText(html)]) {
      expect(body).toContain('PRE-ELECTION PERIOD: This week falls in the pre-election period 29 March – 6 May 2027 (Europe/London) (polling day 2027-05-06).');
    }
    expect(text.indexOf('PRE-ELECTION')).toBeLessThan(text.indexOf('SUMMARY'));
  });

  it('warns two weeks ahead of the pre-election period', async () => {
    const week = parseIsoWeek('2027-W12');
    const store = await storeWith([], [scanRun({ week: week.id })]);
    const facts = await buildDigestFacts(store, testConfig(), week, NOW);

    expect(collapse(renderDigestText(facts))).toContain('The pre-election period 29 March – 6 May 2027 (Europe/London) starts in 1 day');
  });
});
