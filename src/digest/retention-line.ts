// What retention removed, for the weekly digest: each run of the retention job notes its counts (a short list in the
// key-value table, like the jobs' last runs), each erasure on request its time, and the digest sums its period's
// into one line.
import type { LeaseStore } from '../store/port.js';

const KEY = 'retention:runs';
const ERASURES_KEY = 'privacy:erasures';
/** About four months of nightly runs: more than any digest period looks back. */
const KEEP = 120;

export interface RetentionRun {
  at: number;
  /** Handled inbound messages deleted. */
  inbound: number;
  /** Sent outbox messages deleted. */
  outbox: number;
  /** Closed cases anonymised. */
  cases: number;
}

function read(value: string | null): RetentionRun[] {
  try {
    const runs: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(runs) ? (runs as RetentionRun[]).filter((r) => typeof r?.at === 'number') : [];
  } catch {
    return [];
  }
}

/** Adds a run's counts to the list the digest reads (the oldest fall off). */
export async function noteRetentionRun(store: Pick<LeaseStore, 'getValue' | 'setValue'>, run: RetentionRun) {
  const runs = [...read(await store.getValue(KEY)), run].slice(-KEEP);
  await store.setValue(KEY, JSON.stringify(runs));
}

/** Notes that a citizen's data was erased on their request (when only: nothing about whom), for the digest. */
export async function noteErasure(store: Pick<LeaseStore, 'getValue' | 'setValue'>, at: number) {
  const times = [...erasureTimes(await store.getValue(ERASURES_KEY)), at].slice(-KEEP * 10);
  await store.setValue(ERASURES_KEY, JSON.stringify(times));
}

function erasureTimes(value: string | null): number[] {
  try {
    const times: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(times) ? times.filter((t): t is number => typeof t === 'number') : [];
  } catch {
    return [];
  }
}

/** The digest's line on retention in (from, to]: what was deleted and anonymised (or that it did not run), and erasures. */
export async function retentionLine(
  store: Pick<LeaseStore, 'getValue'>,
  from: number,
  to: number,
  caseRetention: boolean,
): Promise<string> {
  const runs = read(await store.getValue(KEY)).filter((r) => r.at > from && r.at <= to);
  const erased = erasureTimes(await store.getValue(ERASURES_KEY)).filter((t) => t > from && t <= to).length;
  const onRequest = `Penghapusan data atas permintaan warga: ${erased.toLocaleString('id-ID')}.`;
  if (runs.length === 0)
    return `Retensi data pribadi: tidak berjalan pada periode ini (periksa jadwal tugas "retention"). ${onRequest}`;
  const sum = (k: 'inbound' | 'outbox' | 'cases') => runs.reduce((n, r) => n + (Number(r[k]) || 0), 0);
  const n = (x: number) => x.toLocaleString('id-ID');
  const cases = caseRetention ? `, ${n(sum('cases'))} kasus lama dianonimkan` : ' (anonimisasi kasus lama tidak aktif)';
  return `Retensi data pribadi: ${n(sum('inbound'))} pesan masuk dan ${n(sum('outbox'))} pesan keluar lama dihapus${cases}. ${onRequest}`;
}
