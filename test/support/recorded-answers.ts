import { readdirSync, readFileSync } from 'node:fs';
import * as z from '../../shared/zod';
import type { ReplayResponse } from './replay-server';

/** The envelope every recorded answer is kept in: what the platform sent, as it sent it. */
const RecordedAnswerSchema = z.object({ status: z.number().check(z.int()), headers: z.record(z.string(), z.string()), body: z.unknown() });

// The body is whatever the platform sent; each test file checks it with the production schemas.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RecordedAnswer = ReplayResponse & { status: number; headers: Record<string, string>; body: any };

/**
 * One platform's recorded answers, `test/fixtures/api/<platform>/<name>.json` (fictional content),
 * for replaying from 127.0.0.1. Each is handed out as a fresh copy, so that no test sees another's changes.
 */
export function recordedAnswers(platform: string): { names: string[]; fixture(name: string): RecordedAnswer } {
  const dir = new URL(`../fixtures/api/${platform}/`, import.meta.url);
  const answers = new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file.replace(/\.json$/, ''), RecordedAnswerSchema.parse(JSON.parse(readFileSync(new URL(file, dir), 'utf8')))] as const),
  );
  return {
    names: [...answers.keys()],
    fixture(name) {
      const answer = answers.get(name);
      if (!answer) throw new Error(`no recorded ${platform} answer named ${name}`);
      return structuredClone(answer) as RecordedAnswer;
    },
  };
}
