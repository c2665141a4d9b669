// `aduan cases list [--stage S] [--search words] [--all] [--limit N]` and `aduan cases show <ticket>`:
// the staff's view from a terminal. Contacts and personal data are masked.
import type { Io } from '../main.js';
import { configFromEnv, parseArgs } from '../bootstrap.js';
import { openStore } from '../../store/open.js';
import { loadAgency } from '../../config/agency.js';
import { isStage, STAGES } from '../../domain/stages.js';
import { parseTicket } from '../../domain/ticket.js';
import { caseCardText, eventLine, formatTime } from '../../domain/case-card.js';
import { maskPersonalData } from '../../../nlp/pii.js';

export default async function cases(argv: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(argv);
  const [sub, arg] = positional;
  const config = configFromEnv();
  if (sub !== 'list' && sub !== 'show') {
    io.stderr.write(
      'Usage: aduan cases list [--stage STAGE] [--search WORDS] [--all] [--limit N]\n       aduan cases show <ticket>\n',
    );
    return 2;
  }
  const { store } = await openStore(config);
  try {
    if (sub === 'show') {
      const ticket = arg ? parseTicket(arg) : null;
      const c = ticket ? await store.getCase(ticket) : null;
      if (!c) {
        io.stderr.write(`No case with ticket "${arg ?? ''}".\n`);
        return 1;
      }
      const agency = loadAgency(config.agencyConfigPath);
      io.stdout.write(`${caseCardText(c, agency)}\n\nRiwayat / history:\n`);
      for (const e of await store.getEvents(c.ticket)) io.stdout.write(`  ${eventLine(e)}\n`);
      return 0;
    }
    const stage = flags.stage;
    if (stage !== undefined && (typeof stage !== 'string' || !isStage(stage))) {
      io.stderr.write(`--stage must be one of: ${STAGES.join(', ')}\n`);
      return 2;
    }
    const limit = typeof flags.limit === 'string' ? Number(flags.limit) : 50;
    if (!Number.isInteger(limit) || limit < 1) {
      io.stderr.write('--limit must be a positive whole number\n');
      return 2;
    }
    const rows = await store.listCases({
      kind: 'complaint',
      ...(stage ? { stage } : flags.all ? {} : { open: true }),
      ...(typeof flags.search === 'string' ? { search: flags.search } : {}),
      limit,
    });
    if (rows.length === 0) io.stdout.write('No cases.\n');
    for (const c of rows) {
      const overdue = c.dueAt && c.dueAt < Date.now() ? ' OVERDUE' : '';
      io.stdout.write(
        `${c.ticket}  ${formatTime(c.createdAt)}  ${c.stage.padEnd(21)} ${c.division.padEnd(16)}${overdue}  ${maskPersonalData(c.text).slice(0, 60).replace(/\n/g, ' ')}\n`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
