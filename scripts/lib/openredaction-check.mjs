// The bench's yardstick: @openredaction/openredaction over the posts `council-audit check` reads (a
// JSON-lines file), in a process of its own, the way its README shows: one OpenRedaction, and
// detect() on each post's text. Its GDPR preset is personal data alone (email, names, phone numbers,
// postcodes, street addresses, National Insurance and NHS numbers, passports, driving licences, IBANs
// and cards). Like check, it writes its findings as JSON lines and a count to standard error.
// Plain JavaScript, run by plain node: no loader in the way of its start-up.
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { OpenRedaction } from '@openredaction/openredaction';

const [input] = process.argv.slice(2);
const shield = new OpenRedaction({ preset: 'gdpr' });
let posts = 0;
let detections = 0;
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const post = JSON.parse(line);
  const result = shield.detect(post.text);
  posts += 1;
  detections += result.detections.length;
  let out = '';
  for (const { type, value, position, severity } of result.detections) out += `${JSON.stringify({ post: post.id, type, value, position, severity })}\n`;
  if (out !== '' && !process.stdout.write(out)) await once(process.stdout, 'drain');
}
process.stderr.write(`posts checked: ${posts}, findings: ${detections}\n`);
