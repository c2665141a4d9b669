// Synthetic history for demos, digests and the benchmark (`aduan seed`): complaints, praise and statements over the
// last weeks, in Indonesian, across divisions and channels; complaints worked through the SOP stages with realistic
// delays (some past their standard time), repeats, reopened cases, satisfaction answers and ratings, non-responses
// and follow-up checks. Written through the Store port in batched commits, so a million cases take minutes.
import type { Agency } from '../domain/agency.js';
import type { Actor, CaseEvent, CaseRecord, StageTime } from '../domain/case.js';
import type { DuePolicy } from '../domain/lifecycle.js';
import type { ChannelName } from '../domain/messages.js';
import type { Resolution, Stage } from '../domain/stages.js';
import { newTicket } from '../domain/ticket.js';
import { withCurrentRound, withVerification } from '../domain/ptp.js';
import type { MessageLabel } from '../../nlp/types.js';
import type { Store } from '../store/port.js';
import { REPORT_ACTIONS as A } from '../store/reports.js';

export interface SeedOptions {
  cases: number;
  weeks: number;
  /** The end of the history (the app clock). */
  now: number;
  agency: Agency;
  duePolicy: DuePolicy;
  /** 'full' writes every stage move; 'report' only the events digests count (faster for huge benchmarks). */
  events?: 'full' | 'report';
  random?: () => number;
  batch?: number;
  onProgress?: (done: number) => void;
}

const DAY = 86_400_000;
const BOT: Actor = { kind: 'system', id: 'bot', name: 'Aduan' };
const STAFF: Actor = { kind: 'staff', id: '700100', name: 'Petugas Layanan' };
const HEAD: Actor = { kind: 'supervisor', id: '700900', name: 'Kepala Bidang' };
const CLOCK: Actor = { kind: 'system', id: 'scheduler', name: 'Jam SOP' };

const COMPLAINTS = [
  'Tagihan {topic} saya tidak sesuai, padahal sudah bayar tahun lalu',
  'Sudah {since} menunggu kejelasan soal {topic}, belum ada jawaban dari petugas',
  'Antrian di {place} panjang sekali, pelayanan {topic} lambat',
  'Mohon dibantu, {topic} saya bermasalah sejak {since}',
  'Petugas di {place} kurang ramah waktu saya mengurus {topic}',
  'Aplikasi untuk {topic} error terus waktu mau bayar, sudah coba berkali-kali',
  'Kenapa {topic} saya naik dua kali lipat tanpa pemberitahuan?',
  'Saya sudah datang ke {place} tiga kali untuk {topic} tapi disuruh kembali lagi',
];
const PRAISE = [
  'Terima kasih, pelayanan {topic} di {place} cepat dan ramah',
  'Mantap, urusan {topic} saya selesai dalam sehari. Terima kasih petugas',
  'Apresiasi untuk petugas {place}, sangat membantu soal {topic}',
];
const STATEMENTS = [
  'Jam berapa kantor {place} buka untuk urusan {topic}?',
  'Apa saja syarat mengurus {topic}?',
  'Saran: sebaiknya ada nomor antrian online untuk {topic}',
];
const PLACES = [
  'kantor Bapenda',
  'loket 2',
  'UPT Padang Utara',
  'kantor kecamatan Kuranji',
  'gerai pelayanan pasar raya',
  'website resmi',
];
const SINCE = ['2 minggu', 'sebulan', '3 hari', 'kemarin', 'awal bulan'];
const PERSONAL = [
  ' NIK saya 1371012345670001.',
  ' Hubungi saya di 0812-6677-8899.',
  ' Email saya warga.padang@example.com.',
];

type Rand = () => number;

/** A small deterministic generator (mulberry32), so a seed is reproducible. */
export function seededRandom(seed = 42): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(r: Rand, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}

function weighted<T>(r: Rand, items: ReadonlyArray<readonly [T, number]>): T {
  let x = r() * items.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return (items.at(-1) as readonly [T, number])[0];
}

function topicsOf(agency: Agency): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of agency.divisions) {
    const words = [...d.keywords, ...d.examples.map((e) => e.split(/\s+/).slice(0, 2).join(' ').toLowerCase())];
    out.set(d.id, [...new Set(words)].filter(Boolean).slice(0, 4));
  }
  return out;
}

function fill(template: string, r: Rand, topic: string): string {
  return template.replace('{topic}', topic).replace('{place}', pick(r, PLACES)).replace('{since}', pick(r, SINCE));
}

/** Fills the store with `cases` synthetic cases created over the last `weeks`. Returns what was written. */
export async function seedHistory(store: Store, o: SeedOptions): Promise<{ cases: number; events: number }> {
  const r = o.random ?? seededRandom();
  const full = (o.events ?? 'full') === 'full';
  const topics = topicsOf(o.agency);
  const start = o.now - o.weeks * 7 * DAY;
  const citizens = Math.max(10, Math.floor(o.cases / 3));
  const recentByTopic = new Map<string, string[]>();
  const issued = new Set<string>();
  let batchCases: CaseRecord[] = [];
  let batchEvents: CaseEvent[] = [];
  let written = 0;
  let events = 0;
  const flush = async () => {
    if (batchCases.length === 0) return;
    await store.commit({ cases: batchCases.map((record) => ({ record, expectedVersion: null })), events: batchEvents });
    written += batchCases.length;
    events += batchEvents.length;
    batchCases = [];
    batchEvents = [];
    o.onProgress?.(written);
  };

  for (let i = 0; i < o.cases; i++) {
    // Spread over the period, busier in office hours (07-16 WIB = 00-09 UTC).
    let createdAt = start + ((i + r()) / o.cases) * (o.now - start - 60_000);
    const utcHour = new Date(createdAt).getUTCHours();
    if (utcHour >= 11 && utcHour < 22 && r() < 0.6) createdAt -= 11 * 3_600_000 * r();
    createdAt = Math.max(start, Math.floor(createdAt));
    const kind = weighted<MessageLabel>(r, [
      ['complaint', 70],
      ['praise', 18],
      ['statement', 12],
    ]);
    const channel = weighted<ChannelName>(r, [
      ['whatsapp', 60],
      ['telegram', 35],
      ['console', 5],
    ]);
    const who = Math.floor(r() * citizens);
    const userId =
      channel === 'whatsapp'
        ? `6281${String(100000000 + who).slice(1)}@c.us`
        : channel === 'telegram'
          ? String(5_000_000 + who)
          : `local-${who}`;
    const division = pick(r, o.agency.divisions).id;
    const topic = pick(r, topics.get(division) ?? ['layanan']) || 'layanan';
    const template =
      kind === 'complaint' ? pick(r, COMPLAINTS) : kind === 'praise' ? pick(r, PRAISE) : pick(r, STATEMENTS);
    const text = fill(template, r, topic) + (r() < 0.05 ? pick(r, PERSONAL) : '');
    // 40 random bits collide about once per million tickets (birthday bound): draw again within this run.
    let ticket = newTicket();
    while (issued.has(ticket)) ticket = newTicket();
    issued.add(ticket);
    const c: CaseRecord = {
      ticket,
      kind,
      citizen: { channel, userId, chatId: userId, language: r() < 0.97 ? 'id' : 'en' },
      text,
      details: kind === 'complaint' ? { where: pick(r, PLACES), since: pick(r, SINCE) } : {},
      attachments: kind === 'complaint' && r() < 0.3 ? [{ kind: 'photo', fileId: `seed-${i}`, size: 180_000 }] : [],
      classification: { label: kind, confidence: 0.75 + r() * 0.24, modelVersion: 'seed' },
      topic,
      division,
      flags: [],
      stage: 'recorded',
      stageTimes: {},
      reviewNotes: [],
      privateNotes: [],
      ptp: [],
      satisfaction: [],
      reopenCount: 0,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
    const ev: CaseEvent[] = [];
    if (kind === 'complaint') {
      const earlier = recentByTopic.get(topic);
      if (earlier?.length && r() < 0.1) c.repeatOf = { ticket: pick(r, earlier), similarity: 0.7 + r() * 0.25 };
      const list = earlier ?? [];
      list.push(ticket);
      if (list.length > 50) list.shift();
      recentByTopic.set(topic, list);
      simulateComplaint(c, ev, o, r, full);
    } else {
      c.stageTimes = { recorded: { enteredAt: createdAt } };
      if (full)
        ev.push({
          ticket,
          at: createdAt,
          actor: { kind: 'citizen', id: `${channel}:${userId}` },
          action: `received ${kind}`,
          toStage: 'recorded',
        });
    }
    batchCases.push({ ...c, seeded: true });
    batchEvents.push(...ev);
    if (batchCases.length >= (o.batch ?? 2000)) await flush();
  }
  await flush();
  return { cases: written, events };
}

/** Works a complaint through the stages up to `now`, with delays around the standard times. */
function simulateComplaint(c: CaseRecord, ev: CaseEvent[], o: SeedOptions, r: Rand, full: boolean): void {
  const times: Partial<Record<Stage, StageTime>> = {};
  let stage = 'received' as Stage;
  const t = c.createdAt;
  const citizen: Actor = { kind: 'citizen', id: `${c.citizen.channel}:${c.citizen.userId}` };
  const enter = (to: Stage, at: number, actor: Actor, action: string) => {
    const cur = times[stage];
    if (cur && to !== stage) cur.leftAt = at;
    const dueAt = o.duePolicy.dueAt(to, at);
    times[to] = dueAt === undefined ? { enteredAt: at } : { enteredAt: at, dueAt };
    if (full || action !== to) ev.push({ ticket: c.ticket, at, actor, action, fromStage: stage, toStage: to });
    stage = to;
  };
  times.received = { enteredAt: t };
  if (full) ev.push({ ticket: c.ticket, at: t, actor: citizen, action: 'received', toStage: 'received' });
  enter('recorded', t, BOT, 'recorded');
  enter('forwarded', t, BOT, 'forwarded');
  let reopened = false;
  let resolution: Resolution | undefined;
  let closedAt: number | undefined;
  // Staff stages: each takes a share of its standard time, sometimes far more (the cases the clocks catch).
  const work: Stage[] = ['forwarded', 'in_review', 'root_cause', 'action_planned', 'in_progress', 'verifying'];
  const next: Partial<Record<Stage, Stage>> = {
    forwarded: 'in_review',
    in_review: 'root_cause',
    root_cause: 'action_planned',
    action_planned: 'in_progress',
    in_progress: 'verifying',
    verifying: 'awaiting_confirmation',
  };
  for (let guard = 0; guard < 20; guard++) {
    const st = times[stage];
    if (!st) break;
    if (work.includes(stage)) {
      const due = st.dueAt ?? st.enteredAt + 3_600_000;
      const factor = weighted(r, [
        [0.2 + r() * 0.7, 95],
        [1 + r(), 3.5],
        [2 + r() * 4, 1.5],
      ] as const);
      const leave = st.enteredAt + Math.max(60_000, (due - st.enteredAt) * factor);
      if (due <= Math.min(leave, o.now)) {
        ev.push({
          ticket: c.ticket,
          at: due,
          actor: CLOCK,
          action: A.overdue,
          fromStage: stage,
          toStage: stage,
          detail: `${stage} since ${new Date(st.enteredAt).toISOString()}`,
        });
      }
      if (leave > o.now) break;
      const to = next[stage] as Stage;
      if (stage === 'root_cause')
        c.ptp = withCurrentRound(c, {
          rootCause: 'Data objek pajak belum diperbarui',
          correctiveAction: 'Perbarui data dan terbitkan ulang tagihan',
          owner: 'Staf Bidang',
          dueAt: leave + DAY,
        });
      if (stage === 'verifying')
        c.ptp = withVerification(c, { result: 'approved', by: HEAD.name ?? 'kepala', at: leave, notes: '' });
      if (to === 'awaiting_confirmation')
        c.ptp = withCurrentRound(c, { citizenMessage: 'Tagihan Anda sudah kami perbaiki.', informedAt: leave });
      enter(to, leave, STAFF, to === 'awaiting_confirmation' ? 'inform' : to);
      continue;
    }
    if (stage === 'awaiting_confirmation') {
      const outcome = weighted(r, [
        ['satisfied', 72],
        ['not', reopened ? 0 : 12],
        ['silent', 16],
      ] as const);
      const answerAt = st.enteredAt + (outcome === 'silent' ? 7 * DAY : DAY * (0.1 + r() * 2));
      if (answerAt > o.now) break;
      if (outcome === 'not') {
        reopened = true;
        c.reopenCount += 1;
        const reason = 'Masalahnya belum beres';
        c.satisfaction.push({ at: answerAt, satisfied: false, round: 'closure', reason });
        c.ptp = [
          ...withCurrentRound(c, { citizenAnswer: { at: answerAt, answer: 'not_satisfied', reason } }),
          { openedAt: answerAt, reopenReason: reason, verifications: [] },
        ];
        enter('root_cause', answerAt, citizen, A.notSatisfied);
        continue;
      }
      if (outcome === 'silent') {
        resolution = 'no_response';
        c.ptp = withCurrentRound(c, { citizenAnswer: { at: answerAt, answer: 'no_response' } });
        enter('closed', answerAt, CLOCK, A.noResponse);
      } else {
        resolution = 'satisfied';
        c.satisfaction.push({ at: answerAt, satisfied: true, round: 'closure' });
        c.ptp = withCurrentRound(c, { citizenAnswer: { at: answerAt, answer: 'satisfied' } });
        enter('closed', answerAt, citizen, A.satisfied);
        if (r() < 0.65) {
          const rating = weighted(r, [
            [5, 45],
            [4, 35],
            [3, 14],
            [2, 4],
            [1, 2],
          ] as const);
          const last = c.satisfaction.at(-1);
          if (last) last.rating = rating;
          ev.push({
            ticket: c.ticket,
            at: answerAt + 60_000,
            actor: citizen,
            action: A.rated,
            fromStage: 'closed',
            toStage: 'closed',
            detail: `${rating}/5`,
          });
        }
      }
      closedAt = answerAt;
      // The follow-up check two weeks later.
      const checkAt = answerAt + 14 * DAY;
      if (checkAt <= o.now && r() < 0.5) {
        ev.push({
          ticket: c.ticket,
          at: checkAt,
          actor: CLOCK,
          action: A.followupAsked,
          fromStage: 'closed',
          toStage: 'closed',
        });
        const answer = checkAt + DAY * r();
        if (answer <= o.now) {
          if (r() < 0.9) {
            c.satisfaction.push({ at: answer, satisfied: true, round: 'follow-up' });
            ev.push({
              ticket: c.ticket,
              at: answer,
              actor: citizen,
              action: A.stillSolved,
              fromStage: 'closed',
              toStage: 'closed',
            });
          } else if (!reopened) {
            reopened = true;
            c.reopenCount += 1;
            resolution = undefined;
            closedAt = undefined;
            c.satisfaction.push({ at: answer, satisfied: false, round: 'follow-up', reason: 'Masalahnya muncul lagi' });
            enter('root_cause', answer, citizen, A.cameBack);
            continue;
          }
        }
      }
    }
    break;
  }
  c.stage = stage;
  c.stageTimes = times;
  c.dueAt = times[stage]?.dueAt;
  c.updatedAt = Math.max(c.createdAt, ...Object.values(times).map((s) => s?.enteredAt ?? 0));
  if (stage === 'closed') {
    c.resolution = resolution ?? 'satisfied';
    c.closedAt = closedAt ?? c.updatedAt;
  }
  if (stage !== 'forwarded' && stage !== 'recorded' && stage !== 'received') c.assignee = STAFF.name;
}
