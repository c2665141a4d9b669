// What the staff bot keeps about a case's place in the group so it can be updated instead of repeated: the one live
// card (edited in place as the case moves), the last question with buttons (its keyboard removed once superseded),
// the topic's title and whether the topic is closed. Telegram message ids are this adapter's own data, so they live
// in the key-value settings, one small row per case, and start afresh when the case gets a new thread.
import type { CaseRecord } from '../../src/domain/case.js';
import { quoted } from '../../src/domain/case-card.js';
import { STAFF_STAGE_NAMES } from '../../src/domain/labels-id.js';
import type { Stage } from '../../src/domain/stages.js';
import type { LeaseStore } from '../../src/store/port.js';

export interface LiveState {
  /** The thread (topic id, or the root message without topics) these ids belong to. */
  thread: number;
  /** The division group the thread is in (absent: the general group): ids are numbered per chat. */
  chat?: string;
  /** The live card's message id. */
  card?: number;
  /** The last question with buttons, whose keyboard goes when the next message about the case does. */
  ask?: number;
  /** The topic's title as last set. */
  name?: string;
  closed?: boolean;
}

const key = (ticket: string) => `staff-live:${ticket}`;

/**
 * The case's live state in thread `thread` of group `chat` (absent: the general group); empty when none was kept,
 * or it was kept for another thread.
 */
export async function readLive(store: LeaseStore, ticket: string, thread: number, chat?: string): Promise<LiveState> {
  const raw = await store.getValue(key(ticket));
  if (raw) {
    try {
      const s = JSON.parse(raw) as LiveState;
      if (s && s.thread === thread && s.chat === chat) return s;
    } catch {
      // an unreadable row is replaced below
    }
  }
  return { thread, ...(chat !== undefined ? { chat } : {}) };
}

/** Keeps the case's live state (one row per case). */
export async function writeLive(store: LeaseStore, ticket: string, s: LiveState): Promise<void> {
  await store.setValue(key(ticket), JSON.stringify(s));
}

const MARKERS: Record<Stage, string> = {
  received: '🆕',
  recorded: '🆕',
  forwarded: '📨',
  in_review: '🔎',
  root_cause: '🧩',
  action_planned: '📝',
  in_progress: '🔧',
  verifying: '🧐',
  awaiting_confirmation: '⏳',
  closed: '✅',
  archived: '🗄',
};

/**
 * The topic's title: the ticket, a readable subject (the first words the citizen wrote, personal data masked) and
 * the stage, e.g. "ADU-7KQ9-M2XT · Tagihan PBB saya salah hitung… · 🔧 perbaikan dikerjakan". At most 128 characters.
 */
export function topicTitle(c: CaseRecord): string {
  const stage = `${MARKERS[c.stage]} ${STAFF_STAGE_NAMES[c.stage]}${c.reopenCount ? ` ↺${c.reopenCount}` : ''}`;
  const words = quoted(c.text, 400).slice(1, -1).replace(/ ⏎ /g, ' ').split(/\s+/);
  let subject = '';
  for (const w of words) {
    if ((subject ? `${subject} ${w}` : w).length > 40) break;
    subject = subject ? `${subject} ${w}` : w;
  }
  if (!subject) subject = (words[0] ?? '').slice(0, 40);
  if (subject.length < words.join(' ').length) subject += '…';
  return `${c.ticket} · ${subject} · ${stage}`.slice(0, 128);
}
