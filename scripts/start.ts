// `npm start`: the local default. Checks the bundled example posts against the example council's
// policy, offline, and shows the findings table. Findings are the point here, so they do not fail it.
import { main } from '../shared/cli/main';

const code = await main(
  ['check', '--config', 'examples/council.config.json', '--format', 'table', 'examples/posts.jsonl'],
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
);
process.exitCode = code === 1 ? 0 : code;
