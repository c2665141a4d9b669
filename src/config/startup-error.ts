// A start-up (or command) failure only a person can fix: a rejected token, a port in use, a data folder that cannot
// be written. The CLI prints its message as one line, naming the setting, without a stack trace.

export class StartupError extends Error {
  constructor(
    message: string,
    /** The setting to look at, when one is to blame (e.g. "TELEGRAM_BOT_TOKEN"). */
    readonly setting?: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
