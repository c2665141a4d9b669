// `aduan staff login-link --as <id> [--name NAME]`: prints a one-time sign-in link to the staff dashboard for a
// listed staff member (the same link the staff bot's `/web` sends in a private chat), valid 15 minutes. For the
// server's operator: whoever runs it can read the store anyway.
import type { Io } from '../main.js';
import { parseArgs, startCore } from '../bootstrap.js';
import { issueLoginLink, LOGIN_LINK_MINUTES } from '../../http/staff/login-links.js';

const USAGE = `Usage: aduan staff login-link --as <staff-id> [--name NAME]

Prints a one-time link to the staff dashboard (PUBLIC_URL/staf), valid ${LOGIN_LINK_MINUTES} minutes.
--as takes an id listed in STAFF_TELEGRAM_IDS, SUPERVISOR_TELEGRAM_IDS or STAFF_OPERATORS.
`;

export default async function loginLink(argv: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(argv);
  if (flags.help || flags.h) {
    io.stdout.write(USAGE);
    return 0;
  }
  const as = typeof flags.as === 'string' ? flags.as.trim() : '';
  if (!as || positional.length > 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  const app = await startCore({ quiet: true, manualDispatch: true, repeatIndex: 'skip' });
  try {
    const name = typeof flags.name === 'string' ? flags.name : undefined;
    const link = await issueLoginLink(app, app.config.publicUrl, as, name);
    if (!link) {
      io.stderr.write(
        `"${as.slice(0, 40)}" is not listed as staff (STAFF_TELEGRAM_IDS, SUPERVISOR_TELEGRAM_IDS, STAFF_OPERATORS).\n`,
      );
      return 1;
    }
    io.stdout.write(`${link.url}\n`);
    io.stderr.write(`One-time sign-in link for ${link.name}, valid ${LOGIN_LINK_MINUTES} minutes.\n`);
    return 0;
  } finally {
    await app.close();
  }
}
