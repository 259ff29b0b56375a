import { readFile } from 'node:fs/promises';
import { parseCouncilConfig, type CouncilConfig } from './config';
import { ConfigValidationError } from './errors';

/** Reads and validates a council configuration file; every failure names the file and what is wrong. */
export async function loadCouncilConfig(path: string): Promise<CouncilConfig> {
  const json = await readConfigJson(path);
  try {
    return parseCouncilConfig(json);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      throw new ConfigValidationError(`invalid council configuration ${path}`, error.issues, { cause: error });
    }
    throw error;
  }
}

/**
 * A configuration file's JSON, not yet validated. A UTF-8 byte order mark (Windows Notepad writes
 * one) is dropped; JSON that does not parse is refused naming the file, the line and the column.
 */
export async function readConfigJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new ConfigValidationError(`cannot read council configuration ${path}`, [{ field: '', message: why }], { cause: error });
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new ConfigValidationError(`council configuration ${path} is not valid JSON`, [
      { field: '', message: `${whereInText(text, message)}${message}` },
    ], { cause: error });
  }
}

/** "line L, column C: " for the position a JSON.parse message gives (Node 20 gives only the offset). */
function whereInText(text: string, message: string): string {
  if (/\bline \d+/.test(message)) return '';
  const position = /at position (\d+)/.exec(message)?.[1] ?? (/end of (JSON )?input/i.test(message) ? String(text.length) : undefined);
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: `;
}
