import { readFile } from 'node:fs/promises';
import { parseCouncilConfig, type CouncilConfig } from './config';
import { ConfigValidationError } from './errors';

/** Reads and validates a council configuration file; every failure names the file and what is wrong. */
export async function loadCouncilConfig(path: string): Promise<CouncilConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new ConfigValidationError(`cannot read council configuration ${path}`, [{ field: '', message: why }], { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigValidationError(`council configuration ${path} is not valid JSON`, [
      { field: '', message: (error as Error).message },
    ], { cause: error });
  }
  try {
    return parseCouncilConfig(json);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      throw new ConfigValidationError(`invalid council configuration ${path}`, error.issues, { cause: error });
    }
    throw error;
  }
}
