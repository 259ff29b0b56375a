import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../shared/report/build-report';
import { foiRecord, renderReportCsv } from '../../shared/report/render-csv';
import { DetectionEngine } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';

/** A stored finding as a report carries it; only what a test names differs. */
function reported(fields: Partial<ReportFinding>): ReportFinding {
  return {
    id: 'f1',
    rule: 'personal-data',
    severity: 'high',
    postId: 'p1',
    account: '@harbournetc@mastodon.social',
    platform: 'mastodon',
    postUrl: 'https://mastodon.social/@harbournetc/1',
    postedAt: '2026-11-02T10:00:00Z',
    evidence: 'ev',
    reason: 'why',
    clause: 'Guide 4f',
    remediation: 'Delete it.',
    status: 'open',
    detectedAt: '2026-11-02T11:00:00Z',
    detectedOn: '2026-11-02',
    detectedLocal: '2 November 2026, 11:00',
    ...fields,
  } as ReportFinding;
}

describe('what the engine marks as never to be released', () => {
  const engine = new DetectionEngine(testConfig());
  const findingsOf = (text: string) => engine.checkPost(makePost({ text }));

  it('a health detail about an identifiable person is special category data', () => {
    const health = findingsOf('Staff news: our caretaker is off sick for a month, so hall bookings are paused.').find((f) => f.rule === 'personal-data');
    expect(health?.reason).toContain('off sick');
    expect(health?.sensitivity).toBe('special-category');
  });

  it('every confidential-information finding is confidential', () => {
    const confidential = findingsOf("In the confidential Part 2 session, members agreed to bid £310,000 for the old fire station.").filter((f) => f.rule === 'confidential-information');
    expect(confidential.length).toBeGreaterThan(0);
    for (const f of confidential) expect(f.sensitivity).toBe('confidential');
  });

  it('a phone number is masked, not withheld: the finding carries no sensitivity', () => {
    const phone = findingsOf('Ring Sue on 07700 900731 to collect the wallet.').find((f) => f.rule === 'personal-data');
    expect(phone?.evidence).not.toContain('900731');
    expect(phone?.sensitivity).toBeUndefined();
  });
});

describe('a Freedom of Information release of findings', () => {
  it('withholds the evidence and reason of a special category finding, keeping its rule, severity and dates', () => {
    const record = foiRecord(reported({ evidence: 'our caretaker: off sick', reason: 'health or disability detail ("off sick") about our caretaker', sensitivity: 'special-category' }));
    expect(record.evidence).toBe('[withheld: special category personal data (UK GDPR article 9)]');
    expect(record.reason).toBe(record.evidence);
    expect(JSON.stringify(record)).not.toContain('off sick');
    expect(record).toMatchObject({ rule: 'personal-data', severity: 'high', detectedAt: '2026-11-02T11:00:00Z' });
  });

  it('withholds a confidential-information finding stored before findings carried a sensitivity', () => {
    const record = foiRecord(reported({ rule: 'confidential-information', evidence: 'agreed to bid £310,000', reason: "discloses business from a closed session ('Part 2')" }));
    expect(record.evidence).toBe('[withheld: information the council had not made public]');
    expect(renderReportCsv({ findings: [reported({ rule: 'confidential-information', evidence: 'agreed to bid £310,000' })] } as never)).not.toContain('310,000');
  });

  it('removes control and bidirectional characters that could disguise a value', () => {
    const record = foiRecord(reported({ evidence: 'pay \u202egnp.exe\u202c now\u0007', account: '@evil\u200f@mastodon.social', reason: 'line one\nline two' }));
    expect(record.evidence).toBe('pay gnp.exe now');
    expect(record.account).toBe('@evil@mastodon.social');
    // Line breaks are text, kept (CSV quotes them).
    expect(record.reason).toBe('line one\nline two');
  });

  it.each([['javascript:alert(1)'], ['data:text/html,<b>x</b>'], ['not a url'], ['vbscript:msgbox']])('drops a post link %s', (postUrl) => {
    expect(foiRecord(reported({ postUrl })).postUrl).toBe('');
  });

  it('keeps a web link', () => {
    expect(foiRecord(reported({ postUrl: 'https://mastodon.social/@harbournetc/1' })).postUrl).toBe('https://mastodon.social/@harbournetc/1');
  });
});
