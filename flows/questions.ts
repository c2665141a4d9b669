// Questions are answered or handed to a person, never dead-ended (issue 9): an answer from the agency's FAQ (facts
// the service knows, office hours and holidays, filled from the settings the clocks use), or an information request
// with its own ticket on the staff inbox, and the citizen told honestly that staff will answer.
import type { Attachment } from '../src/domain/messages.js';
import type { OfficeCalendar } from '../src/domain/office-hours.js';
import type { Language } from '../src/domain/case.js';
import { result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { idleOf } from './intake.js';
import { recordedResult, recordNote } from './record.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';
import type { Turn } from './turn.js';

/** A question: the FAQ's answer, or a ticket for staff to answer. */
export function answerQuestion(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const lang = state.language;
  const faq = ctx.nlp.answerFaq(turn.text, lang);
  if (faq) {
    replies.push({ text: `${fillFacts(faq.answer, lang, ctx)}\n\n${t(lang, 'faqFooter')}` });
    // Kept and counted as a statement (SOP step 3); nobody needs to act on it.
    const rec = recordNote(ctx, 'statement', turn.text, turn.understanding.classification);
    return recordedResult(idleOf(state), rec, replies);
  }
  return handToStaff(state, turn, attachments, 'informationRequest', ctx, replies);
}

/** Something only a person can answer: an information request with a ticket and a card on the staff inbox. */
export function handToStaff(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  reply: 'informationRequest' | 'eraseRequest',
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  // An erasure request is its own kind of request: its card offers staff /hapusdata (flows/staff/actions/erase.ts).
  const rec = recordNote(ctx, 'statement', turn.text, turn.understanding.classification, {
    request: reply === 'eraseRequest' ? 'erasure' : 'information',
    attachments,
  });
  replies.push({ text: t(state.language, reply, { ticket: rec.record.ticket }) });
  return recordedResult(idleOf(state), rec, replies);
}

const PARTS_ID = ['pagi', 'siang', 'sore', 'malam'];
const PARTS_EN: Record<string, string> = { pagi: 'morning', siang: 'afternoon', sore: 'afternoon', malam: 'evening' };

/** The part of the day a greeting names ("met malem", "good morning"), in the reply's language. */
function timeOfDay(text: string, lang: Language): string | undefined {
  const id = /\b(?:selamat|slmt|slamat|met|sugeng)\s+(pagi|siang|sore|malam|malem|enjing|siyang|sonten|dalu)\b/i.exec(
    text,
  );
  const en = /\bgood\s+(morning|afternoon|evening)\b/i.exec(text);
  const said = id?.[1]?.toLowerCase();
  const word = said
    ? (({ malem: 'malam', enjing: 'pagi', siyang: 'siang', sonten: 'sore', dalu: 'malam' } as Record<string, string>)[
        said
      ] ?? said)
    : undefined;
  if (lang === 'en') return word ? PARTS_EN[word] : en?.[1]?.toLowerCase();
  if (word && PARTS_ID.includes(word)) return word;
  const fromEn = en?.[1]?.toLowerCase();
  return fromEn ? { morning: 'pagi', afternoon: 'siang', evening: 'malam' }[fromEn] : undefined;
}

/**
 * A greeting back (salam gets salam back, "selamat malam" gets "Selamat malam."); on a first message the welcome
 * already says hello.
 */
export function greetBack(state: ConversationState, text: string, firstTurn: boolean, replies: Reply[]): FlowResult {
  const lang = state.language;
  const salam = /\b(?:ass?alamu?\s?['‘’]?\s?alaikum|ass?alamu?alaikum|asw|aslmkm|salam)\b/i.test(text);
  const part = timeOfDay(text, lang);
  if (salam) replies.unshift({ text: t(lang, 'salamBack') });
  else if (part) replies.unshift({ text: t(lang, 'timeGreetingBack', { part }) });
  if (!firstTurn) replies.push({ text: t(lang, 'greetingBack') });
  return result(state, replies);
}

const DAY_NAMES: Record<Language, string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const MONTHS: Record<Language, string[]> = {
  id: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

function hhmm(minutes: number, lang: Language): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return lang === 'id' ? `${h}.${m}` : `${h}:${m}`;
}

/** "Senin–Kamis 07.30–16.00, Jumat 07.30–11.30" from the office week the clocks use. */
export function describeOfficeHours(week: OfficeCalendar['week'], lang: Language): string {
  const groups: Array<{ from: number; to: number; hours: string }> = [];
  for (const d of [1, 2, 3, 4, 5, 6, 0]) {
    const day = week[d];
    if (!day) continue;
    const hours = `${hhmm(day.open, lang)}–${hhmm(day.close, lang)}`;
    const last = groups.at(-1);
    if (last && last.hours === hours && (last.to + 1) % 7 === d) last.to = d;
    else groups.push({ from: d, to: d, hours });
  }
  if (groups.length === 0) return lang === 'id' ? 'pada hari dan jam kerja' : 'on working days';
  const names = DAY_NAMES[lang];
  return groups
    .map((g) => `${names[g.from]}${g.to !== g.from ? `–${names[g.to]}` : ''} ${g.hours}`)
    .join(lang === 'id' ? ', ' : ', ');
}

/** The next public holidays (up to five) from the settings, as dates people read. */
export function describeHolidays(
  holidays: ReadonlySet<string>,
  now: number,
  lang: Language,
  timeZone = 'Asia/Jakarta',
): string {
  // "Today" in the agency's zone (en-CA formats dates as YYYY-MM-DD).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  const next = [...holidays]
    .filter((d) => d >= today)
    .sort()
    .slice(0, 5);
  if (next.length === 0) {
    return lang === 'id' ? 'belum ada hari libur yang tercatat dalam waktu dekat' : 'no public holidays coming up';
  }
  return next
    .map((d) => {
      const [y, m, day] = d.split('-').map(Number);
      return `${day} ${MONTHS[lang][(m ?? 1) - 1]} ${y}`;
    })
    .join(', ');
}

/** Fills {officeHours} and {holidays} in an FAQ answer from the settings the clocks use. */
export function fillFacts(answer: string, lang: Language, ctx: Pick<FlowContext, 'calendar' | 'now'>): string {
  const cal = ctx.calendar;
  return answer
    .replace(/\{officeHours\}/g, () =>
      cal ? describeOfficeHours(cal.week, lang) : lang === 'id' ? 'pada jam kerja' : 'during office hours',
    )
    .replace(/\{holidays\}/g, () =>
      cal
        ? describeHolidays(cal.holidays, ctx.now, lang, cal.timeZone)
        : lang === 'id'
          ? 'hari libur nasional'
          : 'public holidays',
    );
}
