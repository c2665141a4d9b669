// `aduan cases pdf <ticket> [--out FILE] [--with-contacts --as SUPERVISOR_ID]`: the printable PTP form of one case
// (its rounds, stage times against the standard times and full history), personal data masked.
import type { Io } from '../main.js';
import { configFromEnv, parseArgs } from '../bootstrap.js';
import { loadAgency } from '../../config/agency.js';
import { loadSchedulerConfig } from '../../scheduler/settings.js';
import { parseTicket } from '../../domain/ticket.js';
import { officeClock } from '../../domain/work-time.js';
import { caseView } from '../../records/case-view.js';
import { ptpFormPdf } from '../../records/ptp-form.js';
import { isSupervisor, openRecords, writeFileAtomically } from './records-common.js';

const USAGE = 'Usage: aduan cases pdf <ticket> [--out FILE.pdf] [--with-contacts --as SUPERVISOR_ID]\n';

export default async function casesPdf(argv: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(argv);
  if (flags.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const ticket = positional[0] ? parseTicket(positional[0]) : null;
  if (!ticket) {
    io.stderr.write(`${positional[0] ? `"${positional[0]}" is not a ticket number (ADU-XXXX-XXXX).\n` : ''}${USAGE}`);
    return 2;
  }
  const config = configFromEnv();
  const withContacts = flags['with-contacts'] === true;
  if (withContacts && !isSupervisor(config, flags.as)) {
    io.stderr.write(
      'Formulir dengan kontak hanya untuk supervisor: beri --as <id> yang terdaftar di SUPERVISOR_TELEGRAM_IDS. ' +
        'Tidak ada yang dibuat.\n',
    );
    return 1;
  }
  const settings = loadSchedulerConfig();
  const agency = loadAgency(config.agencyConfigPath);
  const { store } = await openRecords(config);
  try {
    const c = await store.getCase(ticket);
    if (!c) {
      io.stderr.write(`No case with ticket "${ticket}".\n`);
      return 1;
    }
    const now = Date.now();
    const clock = officeClock(settings.calendar);
    const view = caseView(c, await store.getEvents(ticket), {
      agency,
      now,
      timeZone: settings.timeZone,
      clock,
      standardMinutes: config.STANDARD_TIMES,
      withContacts,
    });
    const pdf = await ptpFormPdf({ view, agency, timeZone: settings.timeZone, now, unit: clock.label });
    const out = typeof flags.out === 'string' ? flags.out : `${ticket}-PTP.pdf`;
    await writeFileAtomically(out, async (o) => {
      o.end(pdf);
    });
    io.stderr.write(`PTP form of ${ticket} written to ${out} (${pdf.length.toLocaleString('en')} bytes).\n`);
    return 0;
  } finally {
    await store.close();
  }
}
