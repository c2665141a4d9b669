// When the staff group refuses what the bot posts (no right to manage topics, the bot removed from the group, a
// wrong group id), nothing is dropped: the message stays in the outbox and is tried again with backoff (STAFF_RETRY),
// the group's general thread and every supervisor are told once what to fix, and /health says "degraded" until every
// message that was failing has gone out. Then a short "back to normal" note follows.
import type { App } from '../../src/app.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import type { BackoffPolicy } from '../../src/services/backoff.js';
import type { ApiFailure } from '../telegram/delivery-errors.js';

/** Staff messages are never given up: waits grow to two minutes and stay there until the group accepts them. */
export const STAFF_RETRY: BackoffPolicy = { initialMs: 2000, maxMs: 2 * 60_000, jitter: 0.2 };

/** A refusal that only the agency's admins can fix, and the words that tell them how. */
export interface Trouble {
  kind: 'topics-right' | 'send-right' | 'not-member' | 'chat-id' | 'token';
  fix: string;
}

/** Which staff group a failure is about: its chat, the setting that names it and how staff call it. */
export interface GroupRef {
  /** A division group's chat id; absent: the general group. */
  chat?: string;
  setting: string;
  name: string;
}

/** The general group (TELEGRAM_STAFF_CHAT_ID), as failures name it. */
export const GENERAL_GROUP: GroupRef = { setting: 'TELEGRAM_STAFF_CHAT_ID', name: 'grup petugas' };

const HEALTH_KEY = 'staff-delivery';
const NOTICE_KEY = 'staff-trouble';
const noticeKey = (g: GroupRef) => (g.chat ? `${NOTICE_KEY}:${g.chat}` : NOTICE_KEY);

/**
 * Reads a refusal of a staff group into the fix it needs, or null when it is not a setup problem. The fix names the
 * group and the setting that gives its id (a division group's own entry in TELEGRAM_STAFF_DIVISION_CHATS).
 */
export function troubleOf(f: ApiFailure, g: GroupRef = GENERAL_GROUP): Trouble | null {
  const d = f.description ?? '';
  const inGroup = g.chat ? ` di ${g.name}` : '';
  if (f.code === 401 || f.code === 404)
    return { kind: 'token', fix: 'periksa TELEGRAM_STAFF_BOT_TOKEN dan TELEGRAM_API_ROOT di pengaturan server' };
  if (/not enough rights to (create|manage|edit)[^.]*topic|CHAT_ADMIN_REQUIRED|need administrator rights/i.test(d))
    return {
      kind: 'topics-right',
      fix: `beri bot hak 'Manage Topics' (Kelola Topik)${inGroup}: Info grup → Administrator → bot petugas → aktifkan 'Manage Topics'`,
    };
  if (/bot was kicked|bot is not a member|bot was removed|USER_NOT_PARTICIPANT|CHANNEL_PRIVATE/i.test(d))
    return {
      kind: 'not-member',
      fix: `tambahkan bot petugas kembali ke ${g.name} sebagai administrator (hak kirim pesan dan 'Manage Topics')`,
    };
  if (/not enough rights to send|CHAT_WRITE_FORBIDDEN|have no rights to send/i.test(d))
    return { kind: 'send-right', fix: `beri bot petugas hak mengirim pesan di ${g.name}` };
  if (f.code === 400 && /chat not found/i.test(d))
    return {
      kind: 'chat-id',
      fix: `periksa ${g.setting} (id ${g.name}, mis. -100…) dan bahwa bot petugas ada di grup itu`,
    };
  return null;
}

/** The staff sender's record of what is failing now, the notice sent about it and the health entry. */
export class StaffTroubles {
  /** Message key → why it failed and in which group (a 429 is pacing, not a failure). */
  private readonly failing = new Map<string, { why: string; group: string }>();

  constructor(private readonly app: App) {}

  /** A message for a group failed; tells staff once (per group and kind) when the failure needs an admin. */
  async failed(
    key: string,
    ticket: string | undefined,
    f: ApiFailure,
    trouble: Trouble | null,
    g: GroupRef = GENERAL_GROUP,
  ): Promise<void> {
    if (f.code === 429) return;
    const why = `${ticket ? `${ticket}: ` : ''}Telegram ${f.code ?? 'jaringan'}: ${f.description ?? 'tidak menjawab'}`;
    this.failing.set(key, { why: trouble ? `${why} → ${trouble.fix}` : why, group: g.chat ?? '' });
    this.report();
    if (!trouble) return;
    const told = await this.app.store.getValue(noticeKey(g));
    if (told === trouble.kind) return;
    await this.app.store.setValue(noticeKey(g), trouble.kind);
    const where = g.chat ? `${g.name} (${g.setting})` : 'grup petugas';
    await this.tell(
      `⚠ Bot petugas tidak dapat memposting kartu/pesan kasus ke ${where} (${f.description ?? f.code}).\n` +
        `Perbaikan: ${trouble.fix}.\n` +
        'Tidak ada yang hilang: kartu dan pesan menunggu dan dikirim otomatis setelah diperbaiki.',
    );
  }

  /** A message for a group went out; when nothing fails there any more, staff are told, and health is ok once all is. */
  async delivered(key: string, g: GroupRef = GENERAL_GROUP): Promise<void> {
    const was = this.failing.delete(key);
    if (was) this.report();
    if ([...this.failing.values()].some((x) => x.group === (g.chat ?? ''))) return;
    const told = await this.app.store.getValue(noticeKey(g));
    if (!told) return;
    await this.app.store.setValue(noticeKey(g), '');
    const where = g.chat ? ` ke ${g.name}` : '';
    await this.tell(
      `✅ Bot petugas dapat memposting lagi${where}: kartu dan pesan yang tertunda sudah dikirim.`,
      false,
    );
  }

  /**
   * A message the group refused for good (a 400 that no retry and no admin can fix, e.g. "message is too long"):
   * staff and supervisors are told which case to open, so it is not lost silently; it no longer counts as failing.
   * A notice for the general thread that is itself refused goes to the supervisors only.
   */
  async lost(key: string, ticket: string | undefined, f: ApiFailure, forGeneral: boolean): Promise<void> {
    if (this.failing.delete(key)) this.report();
    const what = ticket ? `Pesan untuk kasus ${ticket}` : 'Satu pesan untuk grup petugas';
    await this.tell(
      `⚠ ${what} ditolak Telegram (${f.code ?? ''}: ${f.description ?? 'tanpa keterangan'}) dan tidak akan dicoba lagi.` +
        (ticket ? `\nBuka kasusnya dengan /tiket ${ticket}, di dasbor, atau: aduan cases show ${ticket}.` : ''),
      true,
      !forGeneral,
    );
    this.app.counters.add('staff_message_refused');
  }

  private report(): void {
    const n = this.failing.size;
    const first = [...this.failing.values()][0]?.why;
    this.app.health.set(
      HEALTH_KEY,
      n === 0
        ? { state: 'ok', since: this.app.now() }
        : { state: 'failing', since: this.app.now(), detail: `${n} pesan staf tertunda; ${first ?? ''}`.slice(0, 300) },
    );
  }

  /** The general thread and every supervisor's private chat (which a group refusal does not block). */
  private async tell(text: string, supervisors = true, general = true): Promise<void> {
    const outbox: OutboundMessage[] = general ? [{ channel: 'staff', chatId: 'general', kind: 'notice', text }] : [];
    if (supervisors)
      for (const id of this.app.config.SUPERVISOR_TELEGRAM_IDS)
        outbox.push({ channel: 'staff', chatId: `dm:${id}`, kind: 'notice', text });
    await this.app.store.commit({ outbox });
    this.app.dispatcher.kick();
  }
}
