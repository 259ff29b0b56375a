import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMime } from '../../shared/email/mime';
import type { EmailMessage } from '../../shared/email/mailer';
import { renderFindingsChart } from '../../shared/digest/chart';
import { FROM, TO } from './digest-fixtures';
import { TREND_WEEK_IDS } from './trend-fixtures';

const CHART = renderFindingsChart(TREND_WEEK_IDS.map((week, i) => ({ week, count: i % 4, high: i % 2 })));

const MESSAGE: EmailMessage = {
  from: FROM,
  to: TO,
  subject: 'Council Audit: Harbourne Town Council, week 2027-W05 — 3 new findings (1 high)',
  html: '<!DOCTYPE html><html><body><p>Café notice — 3 new findings</p><img src="cid:findings-chart" alt="chart" width="600" height="120"></body></html>',
  text: 'Café notice — 3 new findings\n',
  inlineImages: [{ cid: CHART.cid, filename: CHART.filename, contentType: CHART.contentType, content: CHART.png }],
};
const DATE = new Date('2027-02-08T07:00:00Z');

describe('MIME message of an email', () => {
  it('parses back to the same subject, sender, recipients, date, message id, text and HTML', async () => {
    // Act
    const raw = await composeMime(MESSAGE, { date: DATE, messageId: 'digest-2027-W05@harbourne-tc.example' });
    const parsed = await simpleParser(Buffer.from(raw), { keepCidLinks: true });

    // Assess
    expect(parsed.subject).toBe(MESSAGE.subject);
    expect(parsed.from?.value).toEqual([{ address: FROM, name: '' }]);
    const to = Array.isArray(parsed.to) ? parsed.to.flatMap((t) => t.value) : (parsed.to?.value ?? []);
    expect(to.map((a) => a.address)).toEqual(TO);
    expect(parsed.date?.toISOString()).toBe(DATE.toISOString());
    expect(parsed.messageId).toBe('<digest-2027-W05@harbourne-tc.example>');
    expect(parsed.text).toBe(MESSAGE.text);
    expect(parsed.html).toBe(MESSAGE.html);
  });

  it('carries the chart as an inline PNG whose Content-ID the HTML refers to', async () => {
    const parsed = await simpleParser(Buffer.from(await composeMime(MESSAGE)), { keepCidLinks: true });

    expect(parsed.attachments).toHaveLength(1);
    const [image] = parsed.attachments;
    expect(image).toMatchObject({ contentType: 'image/png', cid: 'findings-chart', contentDisposition: 'inline', filename: 'findings-chart.png', related: true });
    expect(Buffer.from(image!.content).equals(Buffer.from(CHART.png))).toBe(true);
    expect(parsed.html).toContain(`src="cid:${image!.cid}"`);
  });

  it('nests the HTML and its image in multipart/related, as the alternative to the plain text', async () => {
    const raw = Buffer.from(await composeMime(MESSAGE)).toString('latin1');

    const contentTypes = [...raw.matchAll(/^Content-Type: ([a-z]+\/[a-z-]+)/gim)].map((m) => m[1]!.toLowerCase());
    expect(contentTypes).toEqual(['multipart/alternative', 'text/plain', 'multipart/related', 'text/html', 'image/png']);
    expect(raw).toMatch(/^Content-ID: <findings-chart>$/m);
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(raw).toMatch(/^Content-Type: text\/html; charset=utf-8$/m);
    expect(raw).toMatch(/^MIME-Version: 1\.0$/m);
    // RFC 5322: no line longer than 998 characters, and only 7-bit on the wire.
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect([...raw].filter((ch) => ch.charCodeAt(0) > 0x7f)).toEqual([]);
  });

  it('makes a message id at the sender’s domain and dates the message now when not told', async () => {
    const parsed = await simpleParser(Buffer.from(await composeMime({ ...MESSAGE, inlineImages: [] })));

    expect(parsed.messageId).toMatch(/^<[^@\s]+@harbourne-tc\.example>$/);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.attachments).toEqual([]);
    expect(parsed.html).toBe(MESSAGE.html);
  });
});
