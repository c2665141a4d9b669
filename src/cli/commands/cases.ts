// `aduan cases list [--stage S] [--search words] [--all] [--limit N]` and `aduan cases show <ticket>`:
// the staff's view from a terminal. Contacts and personal data are masked.
import type { Io } from '../main.js';
import { configFromEnv, parseArgs } from '../bootstrap.js';
import { openStore } from '../../store/open.js';
import { loadAgency } from '../../config/agency.js';
import { isStage, STAGES } from '../../domain/stages.js';
import { parseTicket } from '../../domain/ticket.js';
import { caseCardText, eventLine } from '../../domain/case-card.js';
import { caseListLines } from './cases-list-view.js';

/** The records subcommands (export, archive, pdf) live in files of their own. */
const RECORDS: Record<string, () => Promise<{ default: (argv: string[], io: Io) => Promise<number> }>> = {
  export: () => import('./cases-export.js'),
  pdf: () => import('./cases-pdf.js'),
  archive: () => import('./cases-archive.js'),
};

export default async function cases(argv: string[], io: Io): Promise<number> {
  const records = RECORDS[argv[0] ?? ''];
  if (records) return (await records()).default(argv.slice(1), io);
  const { flags, positional } = parseArgs(argv);
  const [sub, arg] = positional;
  const config = configFromEnv();
  if (sub !== 'list' && sub !== 'show') {
    io.stderr.write(
      'Usage: aduan cases list [--stage STAGE] [--search WORDS] [--all] [--limit N]\n       aduan cases show <ticket>\n' +
        '       aduan cases export --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx|jsonl [--out FILE] (--help)\n' +
        '       aduan cases pdf <ticket> [--out FILE]\n       aduan cases archive --closed-before YYYY-MM-DD [--dry-run]\n',
    );
    return 2;
  }
  const { store, reports } = await openStore(config);
  try {
    if (sub === 'show') {
      const ticket = arg ? parseTicket(arg) : null;
      const c = ticket ? await store.getCase(ticket) : null;
      if (!c) {
        io.stderr.write(`No case with ticket "${arg ?? ''}".\n`);
        return 1;
      }
      const agency = loadAgency(config.agencyConfigPath);
      io.stdout.write(`${caseCardText(c, agency, Date.now())}\n\nRiwayat / history:\n`);
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
    const query = {
      kind: 'complaint' as const,
      ...(stage ? { stage } : flags.all ? {} : { open: true }),
      ...(typeof flags.search === 'string' ? { search: flags.search } : {}),
    };
    const rows = await store.listCases({ ...query, limit });
    const total = rows.length < limit ? rows.length : await reports.countCases(query);
    const agency = loadAgency(config.agencyConfigPath);
    for (const line of caseListLines(rows, total, Date.now(), agency)) io.stdout.write(`${line}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
