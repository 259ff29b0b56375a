import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportFacts, type ReportFacts } from '../../shared/report/build-report';
import { csvCell, FOI_FIELDS, maskStray, renderReportCsv } from '../../shared/report/render-csv';
import { reportJson, renderReportJson, type ReportJson } from '../../shared/report/render-json';
import { MemoryCouncilStore } from '../support/memory-store';
import { config, FINDINGS, fillQuarter, FULL_PHONE, HOSTILE, IMPOSTOR, IN_QUARTER, MASKED_PHONE_EVIDENCE, NOW, QUARTER } from './report-fixtures';

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      throw new Error(`a bare line break outside quotes at ${i}`);
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record does not end in CRLF');
  return records;
}

let facts: ReportFacts;

beforeAll(async () => {
  let clock = new Date('2027-03-01T00:00:00Z');
  const store = new MemoryCouncilStore({ clock: () => clock });
  await fillQuarter(store, (at) => (clock = at));
  facts = await buildReportFacts(store, config(), QUARTER, NOW);
});

describe('renderReportCsv', () => {
  it('parses back as RFC 4180 with a header row and one row per finding of the period', () => {
    // Act
    const csv = renderReportCsv(facts);

    // Assess
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([...FOI_FIELDS]);
    expect(rows).toHaveLength(IN_QUARTER.length);
    expect(rows.every((r) => r.length === FOI_FIELDS.length)).toBe(true);
    expect(rows.map((r) => r[0]).sort()).toEqual([...IN_QUARTER].sort());
  });

  it('carries the masked evidence as stored, and never the number the post held', () => {
    const csv = renderReportCsv(facts);
    const rows = parseCsv(csv.slice(1)).slice(1);
    const evidence = FOI_FIELDS.indexOf('evidence');

    expect(rows.find((r) => r[0] === 'a-phone')![evidence]).toBe(MASKED_PHONE_EVIDENCE);
    expect(csv).not.toContain(FULL_PHONE);
    expect(csv).not.toContain(FULL_PHONE.replace(' ', ''));
  });

  it('keeps commas, quotes and line breaks inside one field', () => {
    const rows = parseCsv(renderReportCsv(facts).slice(1)).slice(1);
    const hostile = rows.find((r) => r[0] === 'j-hostile')!;

    expect(hostile[FOI_FIELDS.indexOf('evidence')]).toBe(HOSTILE.evidence);
  });

  it('releases a post link only when it is a web address: a javascript: link becomes empty', () => {
    const rows = parseCsv(renderReportCsv(facts).slice(1)).slice(1);
    expect(HOSTILE.postUrl.startsWith('javascript:')).toBe(true);
    expect(rows.find((r) => r[0] === 'j-hostile')![FOI_FIELDS.indexOf('postUrl')]).toBe('');
    expect(reportJson(facts).findings.find((f) => f.id === 'j-hostile')!.postUrl).toBe('');
  });

  it('stops a cell from being read as a formula by a spreadsheet', () => {
    const rows = parseCsv(renderReportCsv(facts).slice(1)).slice(1);

    expect(rows.find((r) => r[0] === 'j-hostile')![FOI_FIELDS.indexOf('reason')]).toBe(`'${HOSTILE.reason}`);
    expect(rows.find((r) => r[0] === 'f-impostor')![FOI_FIELDS.indexOf('account')]).toBe(`'${IMPOSTOR}`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('guards each formula start, quoting only what needs quoting', () => {
    expect(csvCell('=1+1')).toBe(`'=1+1`);
    expect(csvCell('+44 1632 960001')).toBe(`'+44 1632 960001`);
    expect(csvCell('-2')).toBe(`'-2`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('\t=cmd')).toBe(`'\t=cmd`);
    expect(csvCell('=A1,"b"')).toBe(`"'=A1,""b"""`);
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('')).toBe('');
  });

  it('masks a number or email address a detector left unmasked, and leaves masked evidence alone', () => {
    const leaky = structuredClone(facts);
    leaky.findings[0]!.evidence = `call Sam on ${FULL_PHONE} or sam.jones@mailbox.example`;
    leaky.findings[0]!.reason = 'ring +44 7700 900123';

    const csv = renderReportCsv(leaky);

    expect(csv).not.toContain(FULL_PHONE);
    expect(csv).not.toContain('7700 900123');
    expect(csv).not.toContain('sam.jones@');
    expect(csv).toContain('s•••@mailbox.example');
    expect(maskStray(MASKED_PHONE_EVIDENCE)).toBe(MASKED_PHONE_EVIDENCE);
    expect(maskStray(`${IMPOSTOR} ("Harbourne TC Events") on x`)).toBe(`${IMPOSTOR} ("Harbourne TC Events") on x`);
    expect(maskStray('follow @harbournetc@mastodon.social')).toBe('follow @harbournetc@mastodon.social');
  });
});

describe('renderReportJson', () => {
  it('has the period, the council, the summary and one masked record per finding', () => {
    const json = JSON.parse(renderReportJson(facts)) as ReportJson;

    expect(json.council).toBe('Harbourne Town Council');
    expect(json.period).toMatchObject({ from: QUARTER.from, to: QUARTER.to });
    expect(json.generatedAt).toBe(NOW.toISOString());
    expect(json.summary.findings).toBe(IN_QUARTER.length);
    expect(json.findings.map((f) => f.id).sort()).toEqual([...IN_QUARTER].sort());
    expect(Object.keys(json.findings[0]!)).toEqual([...FOI_FIELDS]);
    expect(json.findings.find((f) => f.id === 'a-phone')!.evidence).toBe(MASKED_PHONE_EVIDENCE);
    expect(json.openItems.map((f) => f.id)).toEqual(['d-politics', 'e-phone', 'f-impostor', 'i-before']);
  });

  it('holds no unmasked personal data, no location offsets and no display names', () => {
    const text = renderReportJson(facts);

    expect(text).not.toContain(FULL_PHONE);
    expect(text).not.toContain(FULL_PHONE.replace(' ', ''));
    expect(text).not.toContain('"location"');
    expect(text).not.toContain('displayName');
    expect(text).not.toContain('Town Clerk'); // audit-trail names stay in the store
    // The fixture holds the full number only in the stored posts, which the report never reads.
    expect(FINDINGS.some((f) => JSON.stringify(f).includes(FULL_PHONE))).toBe(false);
  });
});
