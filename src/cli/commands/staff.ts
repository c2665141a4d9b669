// `aduan staff --as <staff-id> [<ticket>] '<command as typed in the topic>'`: the terminal surface of the staff
// inbox. The same commands as the Telegram topic go to the same staff flow through the same pipeline (stored under
// their dedupe key, handled in one commit); this prints what the topic would show. What the action causes for the
// citizen waits in the outbox for the running service (`aduan serve`) to deliver.
import { randomUUID } from 'node:crypto';
import type { Io } from '../main.js';
import { parseArgs, startCore } from '../bootstrap.js';
import type { App } from '../../app.js';
import type { StaffReply } from '../../domain/staff.js';
import { parseTicket } from '../../domain/ticket.js';
import { caseChoices, choiceAsCommand } from '../../../flows/staff/index.js';

const USAGE = `Usage: aduan staff --as <staff-id> [<ticket>] '<command>' [--id <message-id>]

Works a case from the terminal with the commands of the staff topic, e.g.
  aduan staff --as 501 ADU-7KQ9-M2XT '/ambil'
  aduan staff --as 501 ADU-7KQ9-M2XT '/ptp Koreksi luas bangunan | Kasubid Pendataan | 3 hari'
  aduan staff --as 501 ADU-7KQ9-M2XT 'Selamat siang Bu, berkas Anda sedang kami periksa.'   (sent to the citizen)
  aduan staff --as 501 '/kasus'
  aduan staff login-link --as 501            (a one-time sign-in link to the web dashboard)
--as takes an id listed in STAFF_TELEGRAM_IDS, SUPERVISOR_TELEGRAM_IDS (same roles) or STAFF_OPERATORS.
--id makes a scripted step idempotent: a second run with the same id is not acted on again.
`;

export default async function staff(argv: string[], io: Io): Promise<number> {
  // `staff login-link --as <id>`: a sign-in link to the web dashboard (its own file).
  if (argv[0] === 'login-link') return (await import('./staff-login-link.js')).default(argv.slice(1), io);
  const { flags, positional } = parseArgs(argv);
  if (flags.help || flags.h) {
    io.stdout.write(USAGE);
    return 0;
  }
  const as = typeof flags.as === 'string' ? flags.as.trim() : '';
  const [first = '', second] = positional;
  const ticket = second !== undefined ? parseTicket(first) : null;
  const text = second ?? first;
  if (!as || !text || positional.length > 2 || (second !== undefined && !ticket)) {
    io.stderr.write(
      second !== undefined && !ticket ? `"${first.slice(0, 30)}" is not a ticket number.\n\n${USAGE}` : USAGE,
    );
    return 2;
  }
  const app = await startCore({ quiet: true, manualDispatch: true, repeatIndex: 'skip' });
  try {
    if (ticket && !(await app.store.getCase(ticket))) {
      io.stderr.write(`Tiket ${ticket} tidak ditemukan.\n`);
      return 1;
    }
    const messageId = typeof flags.id === 'string' ? flags.id : randomUUID();
    const received = await app.inbound.receive({
      surface: 'terminal',
      messageId,
      sender: { id: as },
      ...(ticket ? { ticket } : {}),
      text,
      attachments: [],
      sentAt: app.now(),
    });
    if (received.duplicate) {
      io.stdout.write(`(pesan ${messageId} sudah ditangani sebelumnya; tidak dijalankan lagi)\n`);
      return 0;
    }
    for (const r of received.shown) io.stdout.write(`${await render(app, r)}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

/** A reply as the topic shows it: its text, then its buttons as the commands that do the same. */
async function render(app: App, r: StaffReply): Promise<string> {
  const choices = r.choices ?? (r.kind === 'case-update' && r.ticket ? await liveChoices(app, r.ticket) : []);
  const commands = choices
    .map((c) => {
      const command = choiceAsCommand(c.id, app.agency);
      return command ? `[${c.label}] ${command}` : null;
    })
    .filter((x): x is string => x !== null);
  return commands.length ? `${r.text}\n  ${commands.join('\n  ')}` : r.text;
}

async function liveChoices(app: App, ticket: string) {
  const c = await app.store.getCase(ticket);
  return c ? caseChoices(c) : [];
}
