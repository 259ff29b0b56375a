import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CouncilConfig } from '../domain/config';
import { ValidationError } from '../domain/errors';
import { loadCouncilConfig } from '../domain/load-config';
import { openStore } from '../local/open-store';
import { buildReportFacts, checkReportPeriod, ReportPeriodError } from '../report/build-report';
import { renderReportCsv } from '../report/render-csv';
import { renderReportHtml } from '../report/render-html';
import { renderReportJson } from '../report/render-json';
import type { ReportFormat } from './formats/format';
import { resolveCouncil } from './council-option';
import { EXIT, type Io } from './io';


export interface ReportCommandOptions {
  /** The council; may be left out when the store holds only one. */
  council?: string;
  /** YYYY-MM-DD, inclusive, in the council's time zone. */
  from: string;
  to: string;
  format: ReportFormat;
  /** A council configuration file; else the one stored in the store. */
  config?: string;
  /** Where to write the report; standard output when absent (not for pdf). */
  out?: string;
}

/** A report command that cannot run as asked (pdf to a terminal, no configuration anywhere). */
export class ReportOptionsError extends ValidationError {}

/**
 * `council-audit report`, primary course:
 * 1. check the options (dates, a file for a PDF) before touching the store;
 * 2. open the store, find the council (named, or the only one), load its configuration (the file
 *    given, else the stored one);
 * 3. build the report's facts for the period and render them in the format asked for;
 * 4. write them to the file, or to standard output.
 */
export async function runReport(options: ReportCommandOptions, io: Io, clock: () => Date = () => new Date()): Promise<number> {
  try {
    checkReportPeriod({ from: options.from, to: options.to });
  } catch (error) {
    throw error instanceof ReportPeriodError ? error.withFieldNames({ from: '--from', to: '--to' }) : error;
  }
  if (options.format === 'pdf' && !options.out) {
    throw new ReportOptionsError('cannot write a PDF to standard output', [{ field: '--out', message: 'is required with --format pdf' }]);
  }
  if (options.out) await checkWritable(options.out);
  const fileConfig = options.config === undefined ? undefined : await loadCouncilConfig(options.config);

  const opened = await openStore(io.env ?? process.env);
  let body: string | Uint8Array;
  try {
    const council = await resolveCouncil(opened.store, opened.where, options.council);
    const config: CouncilConfig | undefined = fileConfig ?? (await council.getCouncilConfig());
    if (!config) {
      throw new ReportOptionsError(`no configuration of council ${council.councilId} is stored in ${opened.where}`, [{ field: '--config', message: 'give the council configuration file' }]);
    }
    const facts = await buildReportFacts(council, config, { from: options.from, to: options.to }, clock());
    switch (options.format) {
      case 'html':
        body = renderReportHtml(facts);
        break;
      case 'csv':
        body = renderReportCsv(facts);
        break;
      case 'json':
        body = renderReportJson(facts);
        break;
      case 'pdf': {
        // Loaded only when asked for: it brings a headless browser with it.
        const { renderReportPdf } = await import('../report/render-pdf');
        body = await renderReportPdf(renderReportHtml(facts));
        break;
      }
    }
  } finally {
    await opened.close();
  }

  if (options.out) {
    await writeFile(options.out, body).catch((error: NodeJS.ErrnoException) => {
      throw new ReportOptionsError('cannot write the report', [{ field: '--out', value: JSON.stringify(options.out), message: whyNotWritable(error) }], { cause: error });
    });
    io.stdout.write(`wrote the ${options.format} report for ${options.from} to ${options.to} to ${options.out}\n`);
  } else {
    io.stdout.write(body);
  }
  return EXIT.clean;
}

/** Refuses an --out the report could not be written to, before the report is made. */
async function checkWritable(out: string): Promise<void> {
  const refuse = (why: string): never => {
    throw new ReportOptionsError('cannot write the report', [{ field: '--out', value: JSON.stringify(out), message: why }]);
  };
  const target = await stat(out).catch(() => undefined);
  if (target?.isDirectory()) refuse('is a folder; give a file name inside it');
  const folder = await stat(dirname(resolve(out))).catch(() => undefined);
  if (!folder) refuse(`there is no folder ${dirname(out)}`);
  if (!folder!.isDirectory()) refuse(`${dirname(out)} is not a folder`);
  await access(dirname(resolve(out)), constants.W_OK).catch(() => refuse(`the folder ${dirname(out)} cannot be written to`));
}

function whyNotWritable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EISDIR':
      return 'is a folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return error.code ?? error.message;
  }
}
