// Training copies of messages with personal data written in, the way citizens add it ("sy bisa dihubungi di 0812
// ...", "NIK 3171 ..."): with the data replaced by placeholder words before features, these copies teach the model
// that contact details do not change what a message does (issue 9, item 4).
import type { DialogueAct } from '../types.js';

/** Acts whose messages plausibly carry contact or identity details. */
export const ACTS_WITH_PERSONAL_DATA: ReadonlySet<DialogueAct> = new Set([
  'complaint',
  'suggestion',
  'praise',
  'statement',
  'question',
  'dissatisfied',
  'add_info',
  'status',
  'erase',
]);

const NAMES = ['Budi', 'Siti Aminah', 'Rahmat', 'Dewi', 'Andi Saputra', 'Yulia', 'Hendra', 'Rina', 'Agus', 'Fitri'];
const BANKS = ['BCA', 'BRI', 'Mandiri', 'BNI', 'Bank Nagari', 'BSI'];
const PROVINCES = ['13', '34', '31', '32', '33', '35', '12', '14'];

const digits = (rand: () => number, n: number): string =>
  Array.from({ length: n }, () => String(Math.floor(rand() * 10))).join('');
const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

function phone(rand: () => number): string {
  const body = `8${pick(rand, ['1', '2', '5', '7', '9'])}${digits(rand, 1)}${digits(rand, 8)}`;
  const local = `0${body}`;
  const style = rand();
  if (style < 0.3) return local;
  if (style < 0.55) return `${local.slice(0, 4)} ${local.slice(4, 8)} ${local.slice(8)}`;
  if (style < 0.75) return `${local.slice(0, 4)}-${local.slice(4, 8)}-${local.slice(8)}`;
  return `+62 ${body.slice(0, 3)} ${body.slice(3, 7)} ${body.slice(7)}`;
}

function nik(rand: () => number): string {
  const day = String(1 + Math.floor(rand() * 28) + (rand() < 0.5 ? 40 : 0)).padStart(2, '0');
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const n = `${pick(rand, PROVINCES)}${digits(rand, 4)}${day}${month}${digits(rand, 2)}${String(1 + Math.floor(rand() * 999)).padStart(4, '0')}`;
  return rand() < 0.5 ? n : `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8, 12)} ${n.slice(12)}`;
}

function email(rand: () => number): string {
  const name = pick(rand, NAMES).toLowerCase().replace(/\s+/g, '.');
  return `${name}${digits(rand, 2)}@${pick(rand, ['gmail.com', 'yahoo.co.id', 'gmail.com', 'outlook.com'])}`;
}

const PHRASES: ReadonlyArray<(rand: () => number) => string> = [
  (r) => `sy bisa dihubungi di ${phone(r)}`,
  (r) => `hp saya ${phone(r)}`,
  (r) => `wa ${phone(r)}`,
  (r) => `no hp ${phone(r)}`,
  (r) => `kontak saya ${phone(r)} a.n. ${pick(r, NAMES)}`,
  (r) => `NIK ${nik(r)}`,
  (r) => `nik saya ${nik(r)}`,
  (r) => `nama ${pick(r, NAMES)}, NIK ${nik(r)}`,
  (r) => `email saya ${email(r)}`,
  (r) => `bisa dibalas ke ${email(r)}`,
  (r) => `no rek ${pick(r, BANKS)} ${digits(r, 10)} a.n. ${pick(r, NAMES)}`,
  (r) => `my number is ${phone(r)}`,
  (r) => `${pick(r, NAMES)} ${phone(r)}`,
];

/** The message with one or two personal data phrases added at its start or end. */
export function withPersonalData(text: string, rand: () => number): string {
  const parts = [pick(rand, PHRASES)(rand)];
  if (rand() < 0.3) parts.push(pick(rand, PHRASES)(rand));
  const added = parts.join(', ');
  return rand() < 0.7 ? `${text.replace(/[.!]?\s*$/, '')}, ${added}` : `${added}. ${text}`;
}
