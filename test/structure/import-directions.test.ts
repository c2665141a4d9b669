// The import-direction rules of eslint.config.js (run by `npm run check`) catch imports that point outward, and let
// the ones that point inward through.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';

const eslint = new ESLint({ cwd: projectRoot() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import-direction check', () => {
  it('refuses an adapter importing the CLI, and the core importing an adapter', async () => {
    expect(await problems('bots/telegram-staff/x.ts', "import '../../src/cli/channels.js';\n")).toHaveLength(1);
    expect(await problems('src/services/x.ts', "import '../../bots/telegram/index.js';\n")).toHaveLength(1);
    expect(await problems('src/app-x.ts', "import '../bots/whatsapp/index.js';\n")).toHaveLength(1);
    expect(await problems('nlp/x/y.ts', "import '../../src/services/inbound.js';\n")).toHaveLength(1);
    expect(await problems('src/domain/x.ts', "import '../store/port.js';\n")).toHaveLength(1);
    expect(await problems('flows/x.ts', "import '../src/store/sqlite/sqlite-store.js';\n")).toHaveLength(1);
  });

  it('lets imports that point inward through, and the composition root list the adapters', async () => {
    expect(await problems('bots/telegram-staff/x.ts', "import '../../src/ports/channel.js';\n")).toEqual([]);
    expect(await problems('bots/telegram-staff/x.ts', "import '../telegram/split-text.js';\n")).toEqual([]);
    expect(await problems('src/cli/channels.ts', "import '../../bots/telegram/index.js';\n")).toEqual([]);
    expect(await problems('flows/staff/x.ts', "import '../../src/domain/case.js';\n")).toEqual([]);
  });
});
