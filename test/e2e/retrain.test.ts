// Staff corrections are kept and the retrain command uses them: a case re-labelled by staff in the store reaches
// `aduan nlp train --with-corrections`, which writes a model file that loads.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { publicDataDir } from '../../nlp/data/datasets.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { loadAgency } from '../../src/config/agency.js';
import { loadConfig } from '../../src/config/config.js';
import { loadTextUnderstanding } from '../../nlp/index.js';
import { makeCase } from '../support/fixtures.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-retrain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('retraining with staff corrections', () => {
  // Training reads the public data sets from ../shared/data; a checkout without them (e.g. GitHub Actions) skips.
  const hasPublicData = existsSync(join(publicDataDir(), 'nusax-senti-indonesian'));
  it.skipIf(!hasPublicData)(
    'reads the corrections from the store and writes a model that loads',
    { timeout: 180_000 },
    async () => {
      const store = new SqliteStore(join(dir, 'aduan.sqlite'));
      const corrected = makeCase({
        text: 'mantul min, urusan bphtb kelar sehari',
        kind: 'praise',
        correction: { label: 'praise', by: 'staff:7', at: 1 },
      });
      await store.commit({
        cases: [
          { record: corrected, expectedVersion: null },
          { record: makeCase(), expectedVersion: null },
        ],
      });
      await store.close();

      const out = join(dir, 'model.json');
      const r = await runCli(['nlp', 'train', '--with-corrections', '--out', out], { env: { DATA_DIR: dir } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/staff corrections from the store: 1\b/);
      expect(existsSync(out)).toBe(true);

      const agency = loadAgency(loadConfig({}).agencyConfigPath);
      const nlp = loadTextUnderstanding({ agency, modelPath: out });
      const c = nlp.classify('mantul min, urusan bphtb kelar sehari');
      expect(c.label).toBe('praise');
      expect(c.modelVersion).toMatch(/\S/);
    },
  );
});
