import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';

describe('logs', () => {
  it('are one JSON object per line in production format, with personal data masked in message and fields', () => {
    const lines: string[] = [];
    const log = createLogger({ format: 'json', write: (l) => lines.push(l) });
    log.info('warga 081234567890 menulis', {
      text: 'NIK saya 1371010101900001, email budi.santoso@gmail.com',
      nested: { phone: '+62 812-3456-7890' },
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info' });
    const all = lines.join('\n');
    for (const secret of ['081234567890', '1371010101900001', 'budi.santoso@gmail.com', '812-3456-7890'])
      expect(all).not.toContain(secret);
  });

  it('are readable lines in a terminal and respect the level', () => {
    const lines: string[] = [];
    const log = createLogger({ format: 'pretty', level: 'warn', write: (l) => lines.push(l) });
    log.info('hidden');
    log.warn('shown', { ticket: 'ADU-7KQ9-M2XT' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN {2}shown ticket=ADU-7KQ9-M2XT/);
  });
});
