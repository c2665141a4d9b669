import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import classify from '../../src/cli/commands/classify.js';
import nlp from '../../src/cli/commands/nlp.js';
import { loadModel } from '../../nlp/model/serialize.js';
import { publicDataDir } from '../../nlp/data/datasets.js';

async function run(
  command: typeof classify,
  argv: string[],
  input = '',
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await command(argv, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

const lines = (out: string): Array<Record<string, unknown>> =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('aduan classify', () => {
  it('writes one JSON object per input line with label, confidence, division, act, slots and model version', async () => {
    const input =
      'udh 2 minggu gak ada kabar soal balik nama sppt saya\nmantul min\nkok tiket ADU-7K3M-9QX2 ditutup padahal belum beres\n';
    const { code, out } = await run(classify, [], input);
    expect(code).toBe(0);
    const rows = lines(out);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ label: 'complaint', act: 'complaint', division: 'pbb-p2', flags: [] });
    expect(rows[1]).toMatchObject({ text: 'mantul min', label: 'praise', act: 'praise' });
    expect(rows[2]).toMatchObject({ label: 'complaint', act: 'dissatisfied', slots: { tickets: ['ADU-7K3M-9QX2'] } });
    for (const r of rows) {
      expect(typeof r.confidence).toBe('number');
      expect(typeof r.actConfidence).toBe('number');
      expect(r.slots).toMatchObject({
        tickets: expect.any(Array),
        objectNumbers: expect.any(Array),
        amounts: expect.any(Array),
      });
      expect(r.modelVersion).toMatch(/^aduan-text-v2@/);
    }
  });

  it('masks personal data in the echoed text unless --unmasked is given', async () => {
    const input = 'NIK saya 1371011203850002, HP 0812-3456-7890\n';
    expect(lines((await run(classify, [], input)).out)[0]?.text).toBe('NIK saya ************0002, HP *********890');
    expect(lines((await run(classify, ['--unmasked'], input)).out)[0]?.text).toBe(input.trim());
  });

  it('reads JSON lines with --jsonl, copies ids, reports bad lines and exits with 1', async () => {
    const input = '{"id":7,"text":"ada oknum minta uang pelicin"}\nnot json\n{"text":5}\n\n{"text":""}\n';
    const { code, out } = await run(classify, ['--jsonl'], input);
    expect(code).toBe(1);
    const rows = lines(out);
    expect(rows[0]).toMatchObject({ id: 7, label: 'complaint', flags: ['integrity'], act: 'complaint' });
    expect(rows[1]).toMatchObject({ line: 2, error: expect.any(String) });
    expect(rows[2]).toMatchObject({ line: 3, error: expect.any(String) });
    expect(rows[3]).toMatchObject({ text: '', label: 'statement', clarify: true });
    expect(rows).toHaveLength(4);
  });

  it('rejects an unknown option with exit code 2', async () => {
    const { code, err } = await run(classify, ['--frobnicate']);
    expect(code).toBe(2);
    expect(err).toContain('--frobnicate');
  });
});

describe('aduan nlp', () => {
  it('prints its usage and exits with 2 for an unknown subcommand', async () => {
    const { code, err } = await run(nlp, ['dance']);
    expect(code).toBe(2);
    expect(err).toContain('aduan nlp train');
  });

  it.skipIf(!existsSync(path.join(publicDataDir(), 'nusax-senti-indonesian')))(
    'trains and writes a versioned model file with nlp train --out',
    { timeout: 300_000 },
    async () => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), 'aduan-cli-')), 'model.json');
      const r = await run(nlp, ['train', '--out', out]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`wrote ${out}`);
      expect(r.out).toContain(`model version ${loadModel(out).version}`);
    },
  );

  it.skipIf(!existsSync(path.join(publicDataDir(), 'nusax-senti-indonesian')))(
    'evaluates the shipped model with nlp eval --no-baselines: acts, families, calibration, integrity, personal data',
    async () => {
      const r = await run(nlp, ['eval', '--no-baselines']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Dialogue acts, project held-out split');
      for (const act of ['dissatisfied', 'dont_know', 'erase', 'unrelated'])
        expect(r.out).toMatch(new RegExp(`\\n  ${act} +\\d\\.\\d{3}`));
      expect(r.out).toContain('NusaX Indonesian test');
      expect(r.out.match(/macro-F1 \d\.\d{3}/g)).toHaveLength(3);
      expect(r.out).toContain('confusion');
      expect(r.out.match(/expected calibration error \d\.\d{3}, largest bin gap \d\.\d{3}/g)).toHaveLength(3);
      expect(r.out).toMatch(
        /Integrity .* threshold \d\.\d{3}\n {2}reports \d+, others \d+: precision \d\.\d{3}, recall \d\.\d{3}/,
      );
      expect(r.out).toMatch(/Personal data written into each of the \d+ held-out complaints/);
    },
  );
});
