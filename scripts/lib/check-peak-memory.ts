// Runs `council-audit check` over a file with output discarded, then prints its time and peak memory.
import { Writable } from 'node:stream';
import { runCheck } from '../../shared/cli/check';

const [config, input] = process.argv.slice(2) as [string, string];
const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
const started = process.hrtime.bigint();
await runCheck({ config, input, format: 'jsonl', failOn: 'high' }, { stdin: process.stdin, stdout: discard, stderr: discard });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`${seconds.toFixed(2)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
