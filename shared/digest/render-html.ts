import type { Severity } from '../domain/config';
import { RULE_TITLES } from '../domain/finding';
import { escapeHtml, htmlText as text, webLink } from '../rendering/display';
import { type DigestFacts, type DigestFinding, type FailingCapture, type UnapprovedAccount } from './build-digest';
import { CHART_LAYOUT, describeChart, FINDINGS_CHART_CID } from './chart';
import {
  failingSummary,
  headlineRows,
  preElectionWording,
  reportExpiryWording,
  reportLinkWording,
  trendHeading,
  trendSummary,
  verdictWording,
} from './render-text';

/*
 * The HTML part of the weekly digest. Mail clients strip <style> blocks and block remote content, so
 * the layout is nested tables with inline styles and no remote images, fonts or scripts; the one image,
 * the findings chart, travels inside the email and is referenced by Content-ID. Every value that
 * came from a post, an account or a platform passes through `text()` (escaped) and every link
 * through `link()` (http(s) only): a post can say anything, and the Town Clerk opens this email.
 */

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const SEVERITY_COLOURS: Record<Severity, { fg: string; bg: string }> = {
  high: { fg: '#ffffff', bg: '#b00020' },
  medium: { fg: '#1a1a1a', bg: '#f2b134' },
  low: { fg: '#ffffff', bg: '#5f6b7a' },
};

export function renderDigestHtml(facts: DigestFacts): string {
  const rows: string[] = [];
  rows.push(
    row(
      `<h1 style="${FONT}font-size:20px;margin:0 0 4px 0;color:#1a1a1a;">Council Audit — ${text(facts.council)}</h1>` +
        `<p style="${FONT}font-size:14px;margin:0;color:#444444;">Weekly compliance digest for week ${text(facts.week.id)} (${text(facts.week.label)}, times in ${text(facts.timezone)})</p>`,
    ),
  );

  for (const notice of facts.preElection) {
    rows.push(
      row(
        `<table role="presentation" width="100%" cellpadding="12" cellspacing="0" border="0" style="background:#fff4e5;border:2px solid #b35c00;">` +
          `<tr><td style="${FONT}font-size:14px;color:#1a1a1a;"><strong>${text(preElectionWording(notice))}</strong></td></tr></table>`,
      ),
    );
  }

  rows.push(section('Summary'));
  rows.push(
    row(
      `<table role="presentation" width="100%" cellpadding="6" cellspacing="0" border="0" style="border-collapse:collapse;">` +
        headlineRows(facts)
          .map(
            ([label, value]) =>
              `<tr><td style="${FONT}font-size:14px;border-bottom:1px solid #e0e0e0;width:40%;color:#444444;">${text(label)}</td>` +
              `<td style="${FONT}font-size:14px;border-bottom:1px solid #e0e0e0;"><strong>${text(value)}</strong></td></tr>`,
          )
          .join('') +
        `</table>`,
    ),
  );
  const verdictColour = facts.verdict === 'all-clear' ? '#1b5e20' : facts.verdict === 'findings' ? '#1a1a1a' : '#b35c00';
  rows.push(row(`<p style="${FONT}font-size:15px;margin:0;color:${verdictColour};"><strong>${text(verdictWording(facts))}</strong></p>`));

  if (facts.reportLink) {
    const report = facts.reportLink;
    rows.push(section('Full Council report'));
    rows.push(
      row(
        `<p style="${FONT}font-size:14px;margin:0;">${text(reportLinkWording(report))}: ${link(report.url)}</p>` +
          `<p style="${FONT}font-size:13px;margin:4px 0 0 0;color:${report.expired ? '#b35c00' : '#444444'};">${text(reportExpiryWording(report, facts.timezone))}</p>`,
      ),
    );
  }

  if (facts.trend.length > 0) {
    rows.push(section(trendHeading(facts)));
    rows.push(row(`<p style="${FONT}font-size:14px;margin:0;">${text(trendSummary(facts))}</p>`));
    rows.push(row(trendChart(facts)));
  }

  if (facts.headline.newFindings > 0) {
    rows.push(section(`New findings this week (${facts.headline.newFindings})`));
    for (const group of facts.newFindings) {
      rows.push(row(`<h3 style="${FONT}font-size:15px;margin:8px 0 0 0;">${badge(group.severity)} ${text(group.severity)} severity</h3>`));
      for (const rule of group.rules) {
        rows.push(row(`<h4 style="${FONT}font-size:14px;margin:4px 0 0 0;color:#333333;">${text(rule.title)} (${rule.findings.length})</h4>`));
        for (const finding of rule.findings) rows.push(row(findingCard(finding)));
      }
    }
  }

  if (facts.openFromEarlierWeeks.length > 0) {
    rows.push(section(`Still open from earlier weeks (${facts.openFromEarlierWeeks.length})`));
    for (const finding of facts.openFromEarlierWeeks) rows.push(row(openFindingCard(finding)));
  }

  if (facts.unapprovedAccounts.length > 0) {
    rows.push(section(`Unapproved accounts (${facts.unapprovedAccounts.length})`));
    for (const account of facts.unapprovedAccounts) rows.push(row(unapprovedCard(account)));
  }

  if (facts.failingCaptures.length > 0) {
    rows.push(section(`Accounts whose capture failed (${facts.failingCaptures.length})`));
    for (const capture of facts.failingCaptures) rows.push(row(failingCard(capture)));
  }

  rows.push(
    row(
      `<p style="${FONT}font-size:12px;margin:12px 0 0 0;color:#666666;">Sent by Council Audit on ${text(facts.generatedLocal)} (${text(facts.timezone)}). Evidence is shown with personal data masked.</p>`,
    ),
  );

  return (
    `<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text(facts.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f4f4;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f4;"><tr><td align="center" style="padding:16px 8px;">` +
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;width:100%;background:#ffffff;">\n` +
    rows.join('\n') +
    `\n</table></td></tr></table></body></html>\n`
  );
}

/** A link for an http(s) URL; any other scheme (`javascript:`, `data:`) is shown as inert text. */
function link(url: string): string {
  const href = webLink(url);
  if (href === undefined) return `<span style="color:#444444;">${text(url)}</span> <em style="color:#666666;">(not a web address, not linked)</em>`;
  return `<a href="${escapeHtml(href)}" style="color:#1a5fb4;word-break:break-all;">${text(url)}</a>`;
}

/**
 * The chart and, under it, a table with one column per bar (the image leaves a blank band as wide as
 * the row labels), so the numbers sit under their bars and can be read without the image.
 */
function trendChart(facts: DigestFacts): string {
  const { labelWidth, columnWidth, height } = CHART_LAYOUT;
  const width = labelWidth + columnWidth * facts.trend.length;
  const cell = (content: string, isThisWeek: boolean) =>
    `<td align="center" width="${columnWidth}" style="${FONT}font-size:12px;padding:2px 0;border-top:1px solid #e0e0e0;${isThisWeek ? 'font-weight:bold;background:#f2f2f2;' : ''}">${content}</td>`;
  const tableRow = (label: string, value: (w: DigestFacts['trend'][number]) => string) =>
    `<tr><th scope="row" align="left" width="${labelWidth}" style="${FONT}font-size:12px;font-weight:normal;color:#555555;padding:2px 0;border-top:1px solid #e0e0e0;">${text(label)}</th>` +
    facts.trend.map((w) => cell(text(value(w)), w.week === facts.week.id)).join('') +
    `</tr>`;
  return (
    `<img src="cid:${FINDINGS_CHART_CID}" alt="${text(describeChart(facts.trend))}" width="${width}" height="${height}" style="display:block;border:0;max-width:100%;height:auto;">` +
    `<table width="${width}" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;table-layout:fixed;max-width:100%;">` +
    tableRow('Week', (w) => `W${w.week.slice(-2)}`) +
    tableRow('New findings', (w) => String(w.count)) +
    tableRow('of which high', (w) => String(w.high)) +
    `</table>` +
    `<p style="${FONT}font-size:12px;margin:4px 0 0 0;color:#555555;">Each bar is a week's new findings, the red part those of high severity; the last column is this week, ${text(facts.week.id)}.</p>`
  );
}

function row(content: string): string {
  return `<tr><td style="${FONT}font-size:14px;color:#1a1a1a;padding:8px 20px;">${content}</td></tr>`;
}

function section(title: string): string {
  return row(`<h2 style="${FONT}font-size:17px;margin:12px 0 0 0;padding-bottom:4px;border-bottom:2px solid #1a1a1a;">${text(title)}</h2>`);
}

function badge(severity: Severity): string {
  const { fg, bg } = SEVERITY_COLOURS[severity];
  return `<span style="${FONT}display:inline-block;padding:1px 6px;font-size:12px;font-weight:bold;color:${fg};background:${bg};">${text(severity.toUpperCase())}</span>`;
}

function card(heading: string, fields: [string, string | undefined][]): string {
  return (
    `<table role="presentation" width="100%" cellpadding="4" cellspacing="0" border="0" style="border:1px solid #d0d0d0;border-collapse:collapse;">` +
    `<tr><td colspan="2" style="${FONT}font-size:14px;background:#f7f7f7;">${heading}</td></tr>` +
    fields
      .filter((f): f is [string, string] => f[1] !== undefined)
      .map(
        ([label, value]) =>
          `<tr><td valign="top" style="${FONT}font-size:13px;color:#555555;width:22%;">${text(label)}</td><td valign="top" style="${FONT}font-size:13px;word-break:break-word;">${value}</td></tr>`,
      )
      .join('') +
    `</table>`
  );
}

function accountLine(account: string, platform: string): string {
  return `<strong>${text(account)}</strong> on ${text(platform)}`;
}

function findingCard(f: DigestFinding): string {
  const when = f.postedLocal ? `posted ${f.postedLocal}` : `detected ${f.detectedLocal}`;
  const status = f.status === 'open' ? '' : ` [${text(f.status)}]`;
  return card(`${accountLine(f.account, f.platform)} — ${text(when)}${status}`, [
    ['Post', f.postUrl === undefined ? undefined : link(f.postUrl)],
    ['Evidence', `<code style="font-family:Consolas,Menlo,monospace;font-size:13px;background:#f2f2f2;">${text(f.evidence)}</code>`],
    ['Why', text(f.reason)],
    ['Clause', text(f.clause)],
    ['Action', text(f.remediation)],
  ]);
}

function openFindingCard(f: DigestFinding): string {
  return card(
    `${badge(f.severity)} ${text(RULE_TITLES[f.rule])} — ${accountLine(f.account, f.platform)}, detected ${text(f.detectedLocal)} (week ${text(f.detectedWeek)}), ${text(f.status)}`,
    [
      ['Post', f.postUrl === undefined ? undefined : link(f.postUrl)],
      ['Evidence', `<code style="font-family:Consolas,Menlo,monospace;font-size:13px;background:#f2f2f2;">${text(f.evidence)}</code>`],
      ['Why', text(f.reason)],
      ['Action', text(f.remediation)],
    ],
  );
}

function unapprovedCard(a: UnapprovedAccount): string {
  return card(`${accountLine(a.account, a.platform)} (first detected week ${text(a.firstDetectedWeek)})`, [
    ['Evidence', text(a.evidence)],
    ['Why', text(a.reason)],
    ['Action', text(a.remediation)],
  ]);
}

function failingCard(c: FailingCapture): string {
  return card(`${accountLine(c.handle, c.platform)}: ${text(failingSummary(c))}`, [['Last error', c.lastError === undefined ? 'not recorded' : text(c.lastError)]]);
}
