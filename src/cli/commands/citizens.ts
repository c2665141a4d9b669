// `aduan citizens erase <channel:id | ticket> [--yes]`: erases a citizen's personal data (UU 27/2022 PDP) when the
// request came outside the chat (a letter, the counter, an e-mail). In the chat, citizens ask and staff confirm with
// /hapusdata on the request's card. Shows what it will erase, asks on a terminal, and logs it with the id masked.
import { createInterface } from 'node:readline/promises';
import type { Io } from '../main.js';
import { configFromEnv, parseFlags, UsageError } from '../bootstrap.js';
import { openStore } from '../../store/open.js';
import { removeUploads } from '../../store/upload-removal.js';
import { TICKET_PATTERN } from '../../domain/ticket.js';
import { citizenKey } from '../../domain/case.js';
import { createLogger } from '../../log/logger.js';
import { maskContact } from '../../../nlp/pii.js';
import { eraseCitizenNow, parseCitizenKey, previewErasure } from '../../services/erasure.js';
import type { Store } from '../../store/port.js';

export const usage = `Usage: aduan citizens erase <channel:id | ticket> [--yes]
  Erases a citizen's personal data on their request (UU 27/2022 PDP) received outside the chat: their contact,
  conversation, messages (received and waiting to be sent), web records and uploads are deleted; their cases and
  case logs keep the figures (stage, dates, division, label) with every text of theirs removed and their
  identifiers masked in staff notes. Cannot be undone.
  The citizen: channel:id as the records know them (telegram:123456789, whatsapp:6281234567890, web:<id>), or the
  ticket of one of their cases. Shows what will be erased and asks on a terminal; --yes skips the question.
`;

const CONFIRM = 'hapus';

export default async function citizens(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(argv, { yes: { type: 'boolean' } }, usage, true);
  const [sub, who, ...extra] = positionals;
  if (sub !== 'erase') throw new UsageError(sub ? `Unknown subcommand "${sub}".` : 'What to do?', usage);
  if (!who) throw new UsageError('Whose data? Give channel:id or a ticket.', usage);
  if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}".`, usage);
  const config = configFromEnv();
  const bundle = await openStore(config);
  try {
    const key = await resolveCitizen(bundle.store, who);
    if (!key) {
      io.stderr.write(
        `"${who}" is neither a ticket on record nor a citizen (channel:id, e.g. telegram:123456789). Nothing changed.\n`,
      );
      return 2;
    }
    const masked = maskContact(key);
    const p = await previewErasure(bundle, key);
    const total = p.cases + p.inbound + p.outbox + p.contacts + p.conversations + p.webRecords + p.uploads;
    if (total === 0) {
      io.stdout.write(`Nothing is stored about ${masked}. Nothing changed.\n`);
      return 1;
    }
    io.stdout.write(
      `Erasing ${masked} will:\n` +
        `  anonymise ${p.cases} case(s) and their ${p.events} log entries (figures kept, texts removed)\n` +
        `  delete ${p.inbound} received message(s), ${p.outbox} message(s) to them, ${p.contacts} contact, ` +
        `${p.conversations} conversation, ${p.webRecords} web record(s), ${p.uploads} uploaded file(s)\n` +
        `This cannot be undone.\n`,
    );
    if (!values.yes) {
      const stdin = io.stdin as NodeJS.ReadStream;
      if (!stdin.isTTY) {
        io.stderr.write('Not on a terminal: add --yes to erase without the question. Nothing changed.\n');
        return 2;
      }
      const rl = createInterface({ input: stdin, output: io.stdout });
      const answer = (await rl.question(`Type "${CONFIRM}" to erase: `)).trim().toLowerCase();
      rl.close();
      if (answer !== CONFIRM) {
        io.stdout.write('Not erased. Nothing changed.\n');
        return 1;
      }
    }
    const r = await eraseCitizenNow(
      { store: bundle.store, web: bundle.web, removeUploads: (ids) => removeUploads(config.dataDir, ids) },
      key,
      Date.now(),
    );
    createLogger({ level: config.LOG_LEVEL, ...(config.LOG_FORMAT !== 'auto' ? { format: config.LOG_FORMAT } : {}) })
      .child({ part: 'erasure' })
      .info('citizen data erased', { citizen: masked, by: 'terminal', tickets: r.tickets, uploads: r.uploads });
    io.stdout.write(
      `Erased ${masked}: ${r.tickets.length} case(s) anonymised${r.tickets.length ? ` (${r.tickets.join(', ')})` : ''}, ` +
        `${r.uploads} uploaded file(s) deleted.\n`,
    );
    return 0;
  } finally {
    await bundle.store.close();
  }
}

/** channel:id as given (a WhatsApp number may leave out "@c.us"), or the citizen of a ticket on record. */
async function resolveCitizen(store: Store, who: string): Promise<string | null> {
  const arg = who.trim();
  if (TICKET_PATTERN.test(arg.toUpperCase())) {
    const c = await store.getCase(arg.toUpperCase());
    return c && !c.anonymised ? citizenKey(c.citizen) : null;
  }
  const parsed = parseCitizenKey(arg);
  if (!parsed) return null;
  if (parsed.channel === 'whatsapp') {
    const digits = parsed.userId.replace(/@c\.us$/, '').replace(/^\+/, '');
    if (!/^\d{8,15}$/.test(digits)) return null;
    return `whatsapp:${digits.startsWith('0') ? `62${digits.slice(1)}` : digits}@c.us`;
  }
  return `${parsed.channel}:${parsed.userId}`;
}
