// The cost of one log line, personal-data masking included: typical lines of the message path (no personal data),
// a line whose fields and message carry a phone number, NIK and e-mail, one with an error, and a debug line below
// the level. Lines go to a sink that drops them (JSON format), so this is the logger's own work. Not a test.
//   BENCH_LINES (default 200,000 per kind)
import { createLogger } from '../src/log/logger.js';

const N = Number(process.env.BENCH_LINES ?? 200_000);
let bytes = 0;
const log = createLogger({ level: 'info', format: 'json', write: (line) => (bytes += line.length) }).child({
  part: 'inbound',
});
const err = new Error('Telegram 400: chat 081234567890 not found');

const KINDS: Array<[string, (i: number) => void]> = [
  [
    'plain',
    (i) => log.info('message handled', { channel: 'telegram', ticket: 'ADU-7KQ9-M2XT', label: 'complaint', ms: i % 7 }),
  ],
  [
    'personal data',
    (i) =>
      log.info(`warga 0812345678${i % 10} menulis`, {
        text: 'NIK saya 1371010101900001, email budi.santoso@gmail.com',
        nested: { phone: '+62 812-3456-7890' },
      }),
  ],
  ['error', () => log.error('outbound message failed for good', { chat: 'telegram:12345', error: err })],
  ['below level', (i) => log.debug('duplicate inbound', { channel: 'telegram', messageId: String(i) })],
];

for (const [, line] of KINDS) for (let i = 0; i < 20_000; i++) line(i); // warm-up
console.log(`log line cost, ${N.toLocaleString('en')} lines per kind (JSON to a sink)`);
for (const [name, line] of KINDS) {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < N; i++) line(i);
  const wallUs = Number(process.hrtime.bigint() - t) / 1000 / N;
  const { user, system } = process.cpuUsage(cpu);
  // CPU time is the steadier figure on a shared machine: wall time also counts waiting for a core.
  console.log(`${name.padEnd(14)} ${((user + system) / N).toFixed(2)} µs CPU/line (${wallUs.toFixed(2)} µs wall)`);
}
if (bytes === 0) throw new Error('nothing was written');
