// Files one channel holds and another must send: a staff member's photo or document lives with the staff bot (its
// file id means nothing to the citizens' bot or to WhatsApp), so the sender of the citizen's channel asks for the
// bytes by the source's name. Adapters register what they can fetch; the core never downloads at intake.

/** A file's bytes with what the receiving channel needs to send it. */
export interface FetchedFile {
  bytes: Buffer;
  name?: string;
  mime?: string;
}

/** Fetchers by source name (e.g. "staff-telegram": the staff bot's files). */
export type FileSources = Map<string, (fileId: string) => Promise<FetchedFile>>;
