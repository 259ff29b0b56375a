import type { Severity } from '../domain/config';
import { ruleTitle } from '../detectors/catalogue';
import { platformTitle } from '../domain/post';
import { escapeHtml, htmlText as text, webLink } from '../rendering/display';
import { type DigestFacts, type FailingCapture, type PostItem, type UnapprovedAccount } from './build-digest';
import { CHART_LAYOUT, describeChart, FINDINGS_CHART_CID } from './chart';
import {
  countOf,
  dueWording,
  failingSummary,
  responseTimesWording,
  RULES_HEADING,
  sinceLastWeekWording,
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
  rows.push(row(`<p style="${FONT}font-size:14px;margin:0;">${text(sinceLastWeekWording(facts))}</p>`));

  if (facts.newPosts.length > 0) {
    rows.push(section(`New this week (${countOf(facts.newPosts.length, 'item')})`));
    rows.push(row(`<p style="${FONT}font-size:14px;margin:0;">${text(responseTimesWording())}</p>`));
    for (const item of facts.newPosts) rows.push(row(postCard(item)));
  }

  if (facts.unapprovedAccounts.length > 0) {
    rows.push(section(`Accounts posting as the council without approval (${facts.unapprovedAccounts.length})`));
    for (const account of facts.unapprovedAccounts) rows.push(row(unapprovedCard(account)));
  }

  if (facts.earlierPosts.length > 0) {
    rows.push(section(`Still open from earlier weeks (${countOf(facts.earlierPosts.length, 'item')})`));
    for (const item of facts.earlierPosts) rows.push(row(postCard(item)));
  }

  if (facts.rules.length > 0) {
    rows.push(section(RULES_HEADING));
    rows.push(
      row(
        facts.rules
          .map((r) => `<p style="${FONT}font-size:13px;margin:0 0 8px 0;"><strong>${text(r.title)}:</strong> ${text(r.clause)}</p>`)
          .join(''),
      ),
    );
  }

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

  if (facts.failingCaptures.length > 0) {
    rows.push(section(`Accounts that could not be read (${facts.failingCaptures.length})`));
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
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;width:100%;table-layout:fixed;background:#ffffff;">\n` +
    rows.join('\n') +
    `\n</table></td></tr></table></body></html>\n`
  );
}

/** A link for an http(s) URL; any other scheme (`javascript:`, `data:`) is shown as inert text. */
function link(url: string, label?: string): string {
  const href = webLink(url);
  if (href === undefined) return `<span style="color:#444444;">${text(url)}</span> <em style="color:#666666;">(not a web address, not linked)</em>`;
  return `<a href="${escapeHtml(href)}" style="color:#1a5fb4;word-break:break-all;">${text(label ?? href)}</a>`;
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
    // On a phone the numbers scroll sideways inside their own box; the page itself stays as wide as the
    // screen. The box takes keyboard focus and is named, so it can be scrolled without a mouse (WCAG 2.1.1).
    `<div tabindex="0" role="region" aria-label="${text(trendHeading(facts))}, as numbers" style="max-width:100%;overflow-x:auto;">` +
    `<table width="${width}" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;table-layout:fixed;">` +
    tableRow('Week', (w) => `W${w.week.slice(-2)}`) +
    tableRow('New findings', (w) => String(w.count)) +
    tableRow('of which high', (w) => String(w.high)) +
    `</table></div>` +
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
    `<table role="presentation" width="100%" cellpadding="8" cellspacing="0" border="0" style="border:1px solid #d0d0d0;border-collapse:collapse;">` +
    `<tr><td style="${FONT}font-size:14px;background:#f7f7f7;">${heading}</td></tr>` +
    `<tr><td style="${FONT}font-size:13px;word-break:break-word;overflow-wrap:anywhere;">` +
    fields
      .filter((f): f is [string, string] => f[1] !== undefined)
      .map(([label, value]) => `<p style="${FONT}font-size:13px;margin:0 0 6px 0;">${label ? `<span style="color:#555555;">${text(label)}:</span> ` : ''}${value}</p>`)
      .join('') +
    `</td></tr></table>`
  );
}

function accountLine(account: string, platform: string): string {
  return `<strong>${text(account)}</strong> on ${text(platformTitle(platform))}`;
}

function due(item: { dueLocal: string; overdue: boolean }): string {
  return `<strong style="color:${item.overdue ? '#b00020' : '#1a1a1a'};">${text(dueWording(item))}</strong>`;
}

function review(url: string | undefined): string | undefined {
  return url === undefined ? undefined : link(url, 'Review it in the console');
}

function postCard(item: PostItem): string {
  return card(`${badge(item.severity)} ${accountLine(item.account, item.platform)}${item.postedLocal ? `, posted ${text(item.postedLocal)}` : ''}`, [
    ['', `${due(item)} <span style="color:#555555;">(found ${text(item.detectedLocal)})</span>`],
    ['Post', item.postUrl === undefined ? undefined : link(item.postUrl)],
    ...item.findings.map(
      (f): [string, string] => [
        '',
        `<strong>${text(ruleTitle(f.rule))}</strong> (${text(f.severity)}${f.status === 'open' ? '' : `, ${text(f.status)}`}): ${text(f.reason)} ` +
          `<span style="color:#555555;">Evidence:</span> <code style="font-family:Consolas,Menlo,monospace;font-size:13px;background:#f2f2f2;">${text(f.evidence)}</code>`,
      ],
    ),
    ['What to do', text(item.actions.join(' '))],
    ['', review(item.reviewUrl)],
  ]);
}

function unapprovedCard(a: UnapprovedAccount): string {
  return card(`${badge('high')} ${accountLine(a.account, a.platform)} (first found in week ${text(a.firstDetectedWeek)})`, [
    ['', due(a)],
    ['Account', text(a.evidence)],
    ['A post from it', a.postUrl === undefined ? undefined : link(a.postUrl)],
    ['Why', text(a.reason)],
    ['What to do', text(a.remediation)],
    ['', review(a.reviewUrl)],
  ]);
}

function failingCard(c: FailingCapture): string {
  return card(`${accountLine(c.handle, c.platform)}: ${text(failingSummary(c))}`, [['Last error', c.lastError === undefined ? 'not recorded' : text(c.lastError)]]);
}
