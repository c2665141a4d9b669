// `aduan serve` with the Telegram channels registered, for the restart test while src/cli/channels.ts does not
// list them yet (once it does, the test runs ./bin/aduan serve itself).
import { CHANNELS } from '../../src/cli/channels.js';
import { telegramChannels } from '../../bots/telegram/index.js';
import { main } from '../../src/cli/main.js';

for (const entry of telegramChannels) if (!CHANNELS.some((c) => c.name === entry.name)) CHANNELS.push(entry);
process.exitCode = await main(['serve']);
