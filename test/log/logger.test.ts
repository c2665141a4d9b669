import { describe, expect, it } from 'vitest';
import { createLogger, type LoggerOptions } from '../../src/log/logger.js';

const SECRETS = [
  '081234567890',
  '1371010101900001',
  'budi.santoso@gmail.com',
  '812-3456-7890',
  'siti.aminah@yahoo.co.id',
];

function capture(opts: LoggerOptions = {}) {
  const lines: string[] = [];
  const log = createLogger({ format: 'json', ...opts, write: (l) => lines.push(l) });
  return { log, lines, all: () => lines.join('\n') };
}

describe('logs', () => {
  it('are one JSON object per line in production format, with level, time and message', () => {
    const { log, lines } = capture();
    log.info('message handled', { ticket: 'ADU-7KQ9-M2XT', ms: 3 });
    log.warn('outbox backlog', { items: 12 });
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ level: 'info', msg: 'message handled', ticket: 'ADU-7KQ9-M2XT', ms: 3 });
    expect(new Date(first.time).toISOString()).toBe(first.time);
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'warn', items: 12 });
  });

  it('never write a phone number, NIK or e-mail from the message, a field, a nested field or a child', () => {
    const { log, all } = capture();
    log.child({ citizen: 'budi.santoso@gmail.com' }).info('warga 081234567890 menulis', {
      text: 'NIK saya 1371010101900001, email budi.santoso@gmail.com',
      nested: { phone: '+62 812-3456-7890', list: ['cc siti.aminah@yahoo.co.id'] },
    });
    for (const secret of SECRETS) expect(all()).not.toContain(secret);
    const entry = JSON.parse(all());
    expect(entry.msg).toBe('warga *********890 menulis');
    expect(entry.citizen).toBe('b***@gmail.com');
    expect(entry.nested.phone).toMatch(/\*+890$/);
  });

  it('mask a phone number that follows a line break (JSON writes it as \\n0812…)', () => {
    const { log, all } = capture();
    log.info('citizen wrote', { text: 'halo min\n081234567890\nNIK:\t1371010101900001' });
    expect(all()).not.toContain('1234567890');
    expect(all()).not.toContain('1371010101900001');
  });

  it('write an error with its message and stack, and its cause, masked', () => {
    const { log, all } = capture();
    const cause = new Error('lookup of siti.aminah@yahoo.co.id failed');
    const err = Object.assign(new Error('chat 081234567890 not found', { cause }), { code: 'E_CHAT' });
    log.error('outbound message failed for good', { error: err });
    for (const secret of SECRETS) expect(all()).not.toContain(secret);
    const { error } = JSON.parse(all());
    expect(error).toMatchObject({ type: 'Error', message: 'chat *********890 not found', code: 'E_CHAT' });
    expect(error.stack).toMatch(/^Error: chat \*+890 not found\n\s+at /);
    expect(error.cause.message).toBe('lookup of s***@yahoo.co.id failed');
  });

  it('leave the caller’s objects as they were (the stored complaint keeps the original)', () => {
    const { log } = capture();
    const record = { text: 'nomor saya 081234567890', tags: ['NIK 1371010101900001'] };
    log.info('case recorded', { record });
    expect(record).toEqual({ text: 'nomor saya 081234567890', tags: ['NIK 1371010101900001'] });
  });

  it('respect the level', () => {
    const { log, lines } = capture({ level: 'warn' });
    log.debug('debug');
    log.info('info');
    log.warn('warn');
    log.error('error');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['warn', 'error']);
  });

  it('are readable single lines in a terminal, masked as well', () => {
    const lines: string[] = [];
    const log = createLogger({ format: 'pretty', level: 'warn', write: (l) => lines.push(l) });
    log.info('hidden');
    log.warn('shown to 081234567890', { ticket: 'ADU-7KQ9-M2XT' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: shown to \*+890 \{"ticket":"ADU-7KQ9-M2XT"\}$/);
  });
});
