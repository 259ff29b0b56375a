import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { buildReportFacts } from '../../shared/report/build-report';
import { calendarMonth } from '../../shared/domain/calendar';
import { composeReportEmail } from '../../shared/report/report-email';
import { storedFinding } from '../digest/digest-fixtures';
import { testConfig } from '../support/fixtures';
import { MemoryCouncilStore } from '../support/memory-store';

const visible = (html: string) => decodeHTML(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

async function novemberFacts(councilName: string, findings = 2) {
  const store = new MemoryCouncilStore({ clock: () => new Date('2026-12-01T07:05:00Z') });
  for (let i = 0; i < findings; i++) {
    await store.putFinding(storedFinding({ id: `nov-${i}`, detectedAt: '2026-11-18T09:00:00Z', detectedWeek: '2026-W47', postedAt: '2026-11-18T08:00:00Z' }));
  }
  return buildReportFacts(store, testConfig({ council: { name: councilName } }), calendarMonth('2026-11'), new Date('2026-12-01T07:05:00Z'));
}

describe('the email that takes the report to the councillors', () => {
  it('says what the attached report covers, in plain words, with no configuration field names', async () => {
    const email = composeReportEmail(await novemberFacts('Harbourne Town Council'), { councilId: 'harbourne-tc', month: '2026-11', consoleUrl: 'https://audit.harbourne-tc.example' });

    expect(email.filename).toBe('council-audit-report-2026-11.pdf');
    for (const body of [email.text, visible(email.html)]) {
      expect(body).toContain('Dear Councillors,');
      expect(body).toContain('attached as a PDF');
      expect(body).toContain('1–30 November 2026');
      expect(body).toContain('2 findings (2 high)');
      expect(body).toMatch(/period before, there were none\./);
      // camelCase words are configuration fields (reportRecipients…).
      expect(body.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []).toEqual([]);
    }
  });

  it('has no reports page link without a console', async () => {
    const email = composeReportEmail(await novemberFacts('Harbourne Town Council'), { councilId: 'harbourne-tc', month: '2026-11' });

    expect(email.text).not.toContain('http');
    expect(email.html).not.toContain('<a ');
  });

  it("shows a council name as text, whatever it holds, in the HTML and the subject's line", async () => {
    const email = composeReportEmail(await novemberFacts('<img src=x onerror=alert(1)> Parish Council', 0), { councilId: 'harbourne-tc', month: '2026-11' });

    expect(email.html).not.toContain('<img');
    expect(visible(email.html)).toContain('<img src=x onerror=alert(1)> Parish Council');
    expect(email.text).toContain('Nothing was found in November 2026');
  });
});
