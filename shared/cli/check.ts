import { once } from 'node:events';
import { SEVERITIES, type Severity } from '../domain/config';
import { CouncilAuditError } from '../domain/errors';
import { loadCouncilConfig } from '../domain/load-config';
import type { Finding } from '../domain/finding';
import { DetectionEngine } from '../scanning/run-detectors';
import { isPostFinding } from '../detectors/catalogue';
import type { CheckSummary, Format, FindingFormatter } from './formats/format';
import { jsonFormatter } from './formats/json';
import { jsonlFormatter } from './formats/jsonl';
import { tableFormatter } from './formats/table';
import { EXIT, type Io } from './io';
import { openInput, readPostLines } from './read-posts';

/** A file whose first lines are all malformed is not posts (a binary file, say): reading stops here. */
const GIVE_UP_AFTER = 10;
/** Malformed lines named one by one; the rest are counted, so a damaged file cannot flood the terminal. */
const REPORT_AT_MOST = 20;

export interface CheckOptions {
  config: string;
  /** Posts as JSON lines; `-` for standard input. */
  input: string;
  format: Format;
  failOn: Severity;
}

/**
 * `council-audit check`, primary course:
 * 1. load and validate the council configuration;
 * 2. report findings for accounts registered in it;
 * 3. stream the posts, one line at a time, reporting each post's findings as they are found
 *    (a malformed line is reported with its line number and skipped);
 * 4. print totals; the exit code says whether anything at or above `failOn` was found.
 */
export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const config = await loadCouncilConfig(options.config);
  const engine = new DetectionEngine(config);
  const formatter = createFormatter(options.format, io, config.timezone);
  const write = async (chunk: string) => {
    if (chunk !== '' && !io.stdout.write(chunk)) await once(io.stdout, 'drain');
  };

  const summary: CheckSummary = {
    councilName: config.council.name,
    timezone: config.timezone,
    postsChecked: 0,
    postsWithFindings: 0,
    malformedLines: 0,
    bySeverity: { low: 0, medium: 0, high: 0 },
    byRule: {},
    failOn: options.failOn,
    failed: false,
  };
  const count = (findings: readonly Finding[]) => {
    for (const f of findings) {
      summary.bySeverity[f.severity] += 1;
      summary.byRule[f.rule] = (summary.byRule[f.rule] ?? 0) + 1;
      if (SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(options.failOn)) summary.failed = true;
    }
  };

  await write(formatter.start());
  const registered = engine.checkRegisteredAccounts();
  count(registered);
  await write(formatter.registeredAccounts(registered));

  let malformedUnreported = 0;
  const input = openInput(options.input, io.stdin);
  const label = options.input === '-' ? '<stdin>' : options.input;
  try {
    for await (const item of readPostLines(input)) {
      if ('error' in item) {
        summary.malformedLines += 1;
        if (summary.postsChecked === 0 && summary.malformedLines >= GIVE_UP_AFTER) {
          io.stderr.write(`${label}: stopped after ${summary.malformedLines} malformed lines and no post: is it a JSON Lines file of canonical posts?\n`);
          break;
        }
        if (summary.malformedLines <= REPORT_AT_MOST) io.stderr.write(`${label}:${item.line}: ${item.error}\n`);
        else malformedUnreported += 1;
        continue;
      }
      const findings = engine.checkPost(item.post);
      summary.postsChecked += 1;
      if (findings.some(isPostFinding)) summary.postsWithFindings += 1;
      count(findings);
      await write(formatter.post(item.post, findings));
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      throw new CouncilAuditError(`cannot read posts ${label}: ${code === 'ENOENT' ? 'no such file' : code}`, { cause: error });
    }
    throw error;
  }
  if (malformedUnreported > 0) io.stderr.write(`${label}: ${malformedUnreported} more malformed line${malformedUnreported === 1 ? '' : 's'} not shown\n`);
  await write(formatter.end(summary));

  if (options.format !== 'table') {
    const total = SEVERITIES.reduce((n, s) => n + summary.bySeverity[s], 0);
    io.stderr.write(`posts checked: ${summary.postsChecked}, findings: ${total}${summary.malformedLines ? `, malformed lines: ${summary.malformedLines}` : ''}\n`);
  }
  if (summary.malformedLines > 0) return EXIT.unusableInput;
  return summary.failed ? EXIT.found : EXIT.clean;
}

function createFormatter(format: Format, io: Io, timezone: string): FindingFormatter {
  switch (format) {
    case 'jsonl':
      return jsonlFormatter();
    case 'json':
      return jsonFormatter();
    case 'table':
      return tableFormatter({ colour: io.stdout.isTTY === true && !process.env.NO_COLOR, timezone });
  }
}
