import { describe, expect, it } from 'vitest';
import { buildDigestFacts, dueDate } from '../../shared/digest/build-digest';
import { renderDigestHtml } from '../../shared/digest/render-html';
import { renderDigestText } from '../../shared/digest/render-text';
import { testConfig } from '../support/fixtures';
import { MemoryCouncilStore } from '../support/memory-store';
import { collapse, NOW, scanRun, storedFinding, storeWith, visibleText, WEEK } from './digest-fixtures';

/** Three findings in one post, as the example council's worst post raises them. */
function onePostThreeFindings() {
  const post = { postId: 'p-one-post', postUrl: 'https://mastodon.social/@harbournetc/110999', postedAt: '2027-02-03T10:00:00Z' };
  return [
    storedFinding({ ...post, rule: 'personal-data', severity: 'high', remediation: 'Delete the post now.', reason: 'a private mobile number' }),
    storedFinding({ ...post, rule: 'offensive-language', severity: 'medium', remediation: 'Delete the post now.', reason: 'a swear word', clause: 'Code of Conduct 2: be respectful.' }),
    storedFinding({ ...post, rule: 'risky-link', severity: 'low', remediation: 'Delete the post now.', reason: 'a shortened link', clause: 'Social Media Guide 6: links must show where they lead.' }),
  ];
}

function occurrences(body: string, value: string): number {
  return body.split(value).length - 1;
}

async function digestOf(findings: Parameters<typeof storeWith>[0], options: Parameters<typeof buildDigestFacts>[4] = {}) {
  const store = await storeWith(findings, [scanRun()]);
  const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW, options);
  return { facts, html: renderDigestHtml(facts), text: renderDigestText(facts) };
}

describe('a digest a Town Clerk finishes in minutes', () => {
  it('shows one post with three findings as one item, saying what to do once', async () => {
    const { facts, html, text } = await digestOf(onePostThreeFindings());

    expect(facts.newPosts).toHaveLength(1);
    expect(facts.newPosts[0]!.findings.map((f) => f.rule)).toEqual(['personal-data', 'offensive-language', 'risky-link']);
    expect(facts.newPosts[0]!.severity).toBe('high');
    for (const body of [collapse(text), visibleText(html)]) {
      expect(body).toMatch(/New this week \(1 item\)|NEW THIS WEEK \(1 item\)/);
      expect(occurrences(body, 'Delete the post now.')).toBe(1);
      expect(occurrences(body, 'https://mastodon.social/@harbournetc/110999')).toBe(1);
      for (const reason of ['a private mobile number', 'a swear word', 'a shortened link']) expect(body).toContain(reason);
    }
  });

  it('says "Delete the post now" once for a post whose findings each ask for it, and each other step once', async () => {
    // A post naming a sick member of staff and leaking a closed session: three findings, three remediations.
    const post = { postId: 'p-caretaker', postUrl: 'https://mastodon.social/@harbournetc/111222', postedAt: '2027-02-03T10:00:00Z' };
    const dpo = 'Tell the person concerned, and report it to the Data Protection Officer for the breach log.';
    const { facts, html, text } = await digestOf([
      storedFinding({ ...post, rule: 'personal-data', severity: 'high', remediation: `Delete the post now: health details need the person's explicit consent. ${dpo}` }),
      storedFinding({ ...post, rule: 'confidential-information', severity: 'high', remediation: 'Delete the post now and tell the Town Clerk, who decides whether the disclosure must be reported.' }),
      storedFinding({ ...post, rule: 'confidential-information', severity: 'high', remediation: `Delete the post now (an edit stays in the history), ${dpo.charAt(0).toLowerCase()}${dpo.slice(1)}` }),
    ]);

    expect(facts.newPosts).toHaveLength(1);
    for (const body of [collapse(text), visibleText(html)]) {
      expect(occurrences(body, 'Delete the post now')).toBe(1);
      expect(occurrences(body, 'Data Protection Officer')).toBe(1);
      expect(body).toContain("health details need the person's explicit consent");
      expect(body).toContain('Tell the Town Clerk, who decides whether the disclosure must be reported.');
    }
  });

  it("states each rule's clause once, in the rules behind this week's items", async () => {
    const sameRule = [storedFinding({ rule: 'personal-data' }), storedFinding({ rule: 'personal-data' }), storedFinding({ rule: 'personal-data' })];
    const { facts, html, text } = await digestOf(sameRule);

    expect(facts.newPosts).toHaveLength(3);
    expect(facts.rules.map((r) => r.rule)).toEqual(['personal-data']);
    for (const body of [collapse(text), visibleText(html)]) {
      expect(occurrences(body, 'Social Media Guide 3b: do not publish personal data without consent.')).toBe(1);
      expect(body.toLowerCase()).toContain("the rules behind this week's items");
    }
  });

  it('gives each item a due date by its severity, and states the response times', async () => {
    // Found on Friday 5 February 2027: high by Monday, medium by Wednesday, low by the next Friday.
    const found = { detectedAt: '2027-02-05T15:00:00Z' };
    const { facts, text, html } = await digestOf([
      storedFinding({ ...found, severity: 'high' }),
      storedFinding({ ...found, severity: 'medium', rule: 'risky-link' }),
      storedFinding({ ...found, severity: 'low', rule: 'copyright-attribution' }),
    ]);

    expect(facts.newPosts.map((p) => [p.severity, p.dueBy])).toEqual([
      ['high', '2027-02-08'],
      ['medium', '2027-02-10'],
      ['low', '2027-02-12'],
    ]);
    for (const body of [collapse(text), visibleText(html)]) {
      expect(body).toContain('Due by Mon 8 Feb 2027');
      expect(body).toContain('Due by Wed 10 Feb 2027');
      expect(body).toContain('Due by Fri 12 Feb 2027');
      expect(body).toContain('high by the next working day, medium within 3 working days, low within 7 days');
    }
    // A Sunday's high finding is due on Monday; Thursday's medium one skips the weekend.
    expect(dueDate('2027-02-07', 'high')).toBe('2027-02-08');
    expect(dueDate('2027-02-04', 'medium')).toBe('2027-02-09');
  });

  it('marks an item from an earlier week whose due date has passed as overdue', async () => {
    const { facts, text } = await digestOf([storedFinding({ detectedAt: '2027-01-12T09:00:00Z', detectedWeek: '2027-W02' })]);

    expect(facts.earlierPosts[0]).toMatchObject({ dueBy: '2027-01-13', overdue: true });
    expect(collapse(text)).toContain('Overdue: was due by Wed 13 Jan 2027');
  });

  it('links each item to its page in the console when the deployment has one, and has no such link otherwise', async () => {
    const findings = [storedFinding({ id: 'f-console-1' }), storedFinding({ id: 'f-console-2', rule: 'unapproved-account', account: '@impostor', platform: 'x' })];

    const linked = await digestOf(findings, { consoleUrl: 'https://audit.example/', councilId: 'harbourne-tc' });
    const plain = await digestOf(findings);

    expect(linked.html).toContain('href="https://audit.example/councils/harbourne-tc/findings/f-console-1"');
    expect(linked.html).toContain('href="https://audit.example/councils/harbourne-tc/findings/f-console-2"');
    expect(linked.text).toContain('Review it: https://audit.example/councils/harbourne-tc/findings/f-console-1');
    for (const body of [plain.html, plain.text]) {
      expect(body).not.toContain('audit.example');
      expect(body).not.toMatch(/review it/i);
    }
  });

  it('says what became of last week’s findings: resolved, dismissed, still open', async () => {
    const lastWeek = { detectedAt: '2027-01-27T09:00:00Z', detectedWeek: '2027-W04' };
    const { facts, html, text } = await digestOf([
      storedFinding({ ...lastWeek, status: 'resolved' }),
      storedFinding({ ...lastWeek, status: 'resolved' }),
      storedFinding({ ...lastWeek, status: 'dismissed' }),
      storedFinding({ ...lastWeek, status: 'acknowledged' }),
      storedFinding(),
    ]);

    expect(facts.sinceLastWeek).toEqual({ week: '2027-W04', raised: 4, resolved: 2, dismissed: 1, stillOpen: 1 });
    for (const body of [collapse(text), visibleText(html)]) {
      expect(body).toContain('Since last week: of the 4 findings raised in week 2027-W04, 2 resolved, 1 dismissed, 1 still open.');
    }
  });

  it('tells the findings that resolved themselves (post deleted or edited, rules changed) apart from those people resolved', async () => {
    const lastWeek = { detectedAt: '2027-01-27T09:00:00Z', detectedWeek: '2027-W04' };
    const twoWeeksBack = { detectedAt: '2027-01-20T09:00:00Z', detectedWeek: '2027-W03' };
    let now = new Date('2027-02-02T09:45:00Z');
    const store = new MemoryCouncilStore({ clock: () => now });
    const byPerson = storedFinding(lastWeek);
    const deleted = storedFinding(lastWeek);
    const cured = storedFinding(twoWeeksBack);
    const retiredBefore = storedFinding(twoWeeksBack);
    for (const finding of [byPerson, deleted, storedFinding(lastWeek), cured, retiredBefore]) await store.putFinding(finding);
    await store.recordScanRun(scanRun());
    // This week (2027-W05): a person resolves one, the system two (a post deleted, an edit).
    await store.setFindingStatus(byPerson.id, 'resolved', 'Town Clerk', 'deleted the post');
    await store.setFindingStatus(deleted.id, 'resolved', 'council-audit reconcile', 'post deleted on mastodon', { automatic: 'post-deleted' });
    await store.setFindingStatus(cured.id, 'resolved', 'council-audit reconcile', 'post edited on mastodon', { automatic: 'post-edited' });
    // The week before: the rules no longer raised one (told in last week's digest, not again).
    now = new Date('2027-01-28T09:00:00Z');
    await store.setFindingStatus(retiredBefore.id, 'resolved', 'council-audit rescan', 'no longer raised', { automatic: 'rules-changed' });
    const facts = await buildDigestFacts(store, testConfig(), WEEK, NOW);
    const [html, text] = [renderDigestHtml(facts), renderDigestText(facts)];

    expect(facts.sinceLastWeek).toEqual({
      week: '2027-W04', raised: 3, resolved: 2, resolvedAutomatically: 1, dismissed: 0, stillOpen: 1,
      automatic: { postDeleted: 1, postEdited: 1, rulesChanged: 0 },
    });
    for (const body of [collapse(text), visibleText(html)]) {
      expect(body).toContain(
        'Since last week: of the 3 findings raised in week 2027-W04, 2 resolved (1 of them by itself, no one acting), 0 dismissed, 1 still open. ' +
          '2 findings resolved themselves this week, no one acting: 1 whose post was deleted on its platform, 1 cured by an edit of the post.',
      );
    }
  });

  it('lists an unapproved account once, whether new or still open, and not among the posts', async () => {
    const impostor = { rule: 'unapproved-account' as const, account: '@harbourne_tc_events', platform: 'x' as const, postId: undefined, evidence: '@harbourne_tc_events on x' };
    const { facts, html, text } = await digestOf([
      storedFinding({ ...impostor, id: 'f-imp-new', postUrl: 'https://x.com/harbourne_tc_events/status/2' }),
      storedFinding({ ...impostor, id: 'f-imp-old', postUrl: 'https://x.com/harbourne_tc_events/status/1', detectedAt: '2027-01-20T09:00:00Z', detectedWeek: '2027-W03' }),
    ]);

    expect(facts.unapprovedAccounts).toHaveLength(1);
    expect(facts.newPosts).toEqual([]);
    expect(facts.earlierPosts).toEqual([]);
    for (const body of [collapse(text), visibleText(html)]) {
      expect(occurrences(body, '@harbourne_tc_events on X (first found in week 2027-W03)')).toBe(1);
      expect(body).toMatch(/Accounts posting as the council without approval \(1\)|ACCOUNTS POSTING AS THE COUNCIL WITHOUT APPROVAL \(1\)/);
    }
  });

  it('prints post links without a doubled slash', async () => {
    const { html, text } = await digestOf([storedFinding({ postUrl: 'https://mastodon.social//@harbournetc/110123' })]);

    for (const body of [text, html]) {
      expect(body).toContain('https://mastodon.social/@harbournetc/110123');
      expect(body).not.toContain('social//@');
    }
  });

  it('names each platform as people do, not by its id', async () => {
    const { html, text } = await digestOf([
      storedFinding({ platform: 'youtube', account: '@HarbourneTC' }),
      storedFinding({ platform: 'rss', account: 'https://www.harbourne-tc.example/news/feed.xml', postId: 'n-1', postUrl: 'https://www.harbourne-tc.example/news/1' }),
    ]);

    for (const body of [collapse(text), visibleText(html)]) {
      expect(body).toContain('@HarbourneTC on YouTube');
      expect(body).toContain('feed.xml on a website feed');
      expect(body).not.toMatch(/ on (?:youtube|rss)\b/);
    }
  });

  it('names no configuration field in what it tells the reader', async () => {
    const { html, text } = await digestOf([
      storedFinding(),
      storedFinding({ rule: 'unapproved-account', account: '@impostor', platform: 'x', postId: undefined }),
      storedFinding({ detectedAt: '2027-01-12T09:00:00Z', detectedWeek: '2027-W02' }),
    ]);

    for (const body of [text, visibleText(html)]) {
      // camelCase words are configuration fields (approvedAccounts, approvedBy, publishedContacts…).
      expect(body.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []).toEqual([]);
      expect(body).not.toMatch(/scan runs?|ISO week/i);
    }
  });
});
