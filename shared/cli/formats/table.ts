import { SEVERITIES, type Severity } from '../../domain/config';
import type { Finding } from '../../domain/finding';
import type { Post } from '../../domain/post';
import type { CheckSummary, FindingFormatter } from './format';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', green: '\x1b[32m' };

/** Findings grouped by post, for a person at a terminal, with totals at the end. */
export function tableFormatter(options: { colour: boolean; timezone: string }): FindingFormatter {
  const paint = (code: keyof typeof ANSI, text: string) => (options.colour ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const severityColour: Record<Severity, keyof typeof ANSI> = { high: 'red', medium: 'yellow', low: 'cyan' };
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: options.timezone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

  const findingLines = (findings: readonly Finding[]) =>
    [...findings]
      .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity))
      .map(
        (f) =>
          `  ${paint(severityColour[f.severity], f.severity.toUpperCase().padEnd(6))}  ${paint('bold', f.rule.padEnd(24))}  ${f.evidence}\n` +
          `  ${' '.repeat(6)}  ${' '.repeat(24)}  ${f.reason}\n` +
          `  ${' '.repeat(6)}  ${' '.repeat(24)}  ${paint('dim', `→ ${f.remediation}`)}\n`,
      )
      .join('');

  return {
    start: () => '',
    registeredAccounts(findings) {
      if (findings.length === 0) return '';
      return `${paint('bold', 'Registered accounts')}\n${findingLines(findings)}\n`;
    },
    post(post: Post, findings) {
      if (findings.length === 0) return '';
      const date = Number.isNaN(Date.parse(post.createdAt)) ? post.createdAt : when.format(new Date(post.createdAt));
      const header = `${paint('bold', post.id)}  ${post.platform}  ${post.account}  ${date}`;
      return `${header}\n${post.url ? `  ${paint('dim', post.url)}\n` : ''}${findingLines(findings)}\n`;
    },
    end(summary: CheckSummary) {
      const total = SEVERITIES.reduce((n, s) => n + summary.bySeverity[s], 0);
      const clean = summary.postsChecked - summary.postsWithFindings;
      const lines = [
        paint('bold', `${summary.councilName}: ${plural(summary.postsChecked, 'post')} checked`),
        total === 0
          ? paint('green', 'No findings: all clear.')
          : `${plural(total, 'finding')} in ${plural(summary.postsWithFindings, 'post')}; ${clean} clean`,
      ];
      if (total > 0) {
        lines.push(`  by severity: ${[...SEVERITIES].reverse().map((s) => `${s} ${summary.bySeverity[s]}`).join(' · ')}`);
        lines.push(`  by rule:     ${Object.entries(summary.byRule).map(([r, n]) => `${r} ${n}`).join(' · ')}`);
      }
      if (summary.malformedLines > 0) lines.push(paint('red', `${summary.malformedLines} input line(s) could not be read (see the errors above)`));
      return `${lines.join('\n')}\n`;
    },
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
