// What erasure and retention make of a record (UU 27/2022 PDP): the citizen's own words are removed, staff texts keep
// their sense with the citizen's identifiers and personal data masked, and the figures the statistics need (stage,
// dates, division, label, ratings, PTP dates) stay. Pure functions: every store applies the same rules.
import { randomBytes } from 'node:crypto';
import type { CaseEvent, CaseRecord, Note, PtpRound } from '../domain/case.js';
import type { ChannelName } from '../domain/messages.js';
import { findPersonalData, maskPersonalData } from '../../nlp/pii.js';

/** What a removed text becomes. */
export const ERASED = '[dihapus]';

/**
 * A new stand-in for a citizen's id in the records kept: random, so it cannot be traced back to the phone number or
 * account (a hash of a phone number could be, by trying every number).
 */
export function newPseudonym(): string {
  return `dihapus-${randomBytes(6).toString('hex')}`;
}

/**
 * The literal forms an identifier is written in: as given, its digits alone, and a WhatsApp number's local form
 * ("6281234567890@c.us" → "6281234567890", "081234567890"). Short ones are left out (they would match anything).
 */
export function identifierForms(values: Array<string | undefined>): string[] {
  const out = new Set<string>();
  for (const raw of values) {
    const v = raw?.trim();
    if (!v) continue;
    out.add(v);
    const digits = v.replace(/\D/g, '');
    if (digits.length >= 6) out.add(digits);
    if (digits.startsWith('62') && digits.length >= 10) out.add(`0${digits.slice(2)}`);
    const local = v.split('@')[0];
    if (local && local !== v && local.length >= 4) out.add(local);
  }
  return [...out].filter((s) => s.length >= 4 || /^\p{L}{3}$/u.test(s));
}

/** The personal data a citizen wrote in their texts (NIK, phone, e-mail, account numbers), as written. */
export function personalDataIn(texts: Array<string | undefined>): string[] {
  return texts.flatMap((t) => (t ? findPersonalData(t).map((m) => m.value) : []));
}

/** Removes every literal identifier (whole words for names), then masks whatever personal data is left. */
export function scrubber(identifiers: string[]): (text: string) => string {
  const ids = [...new Set(identifiers.map((s) => s.trim()).filter(Boolean))].sort((x, y) => y.length - x.length);
  const patterns = ids.map((id) => {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return /^\p{L}+$/u.test(id) ? new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'giu') : new RegExp(escaped, 'gi');
  });
  return (text) => {
    let out = text;
    for (const p of patterns) out = out.replace(p, ERASED);
    return maskPersonalData(out);
  };
}

/** The words of a display name worth removing on their own ("Budi Santoso" → "Budi Santoso", "Budi", "Santoso"). */
export function nameForms(name: string | undefined): string[] {
  if (!name?.trim()) return [];
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}[\p{L}'.-]{2,}$/u.test(w));
  return [name.trim(), ...words];
}

export interface CaseRules {
  /** The stand-in id of the citizen (the same for all their cases, so "how many citizens" still counts right). */
  pseudonym: string;
  scrub: (text: string) => string;
  at: number;
  why: 'erasure' | 'retention';
}

/** A case with the citizen's data removed; the figures stay. */
export function anonymiseCase(c: CaseRecord, r: CaseRules): CaseRecord {
  const scrubNote = (n: Note): Note => ({ ...n, text: r.scrub(n.text) });
  const {
    citizen,
    correction,
    resolutionNote,
    satisfaction,
    ptp,
    reviewNotes,
    privateNotes,
    text: _text,
    details,
    ...rest
  } = c;
  return {
    ...rest,
    citizen: { channel: citizen.channel, userId: r.pseudonym, chatId: r.pseudonym, language: citizen.language },
    text: ERASED,
    details: Object.fromEntries(Object.keys(details).map((k) => [k, ERASED])),
    attachments: c.attachments.map((a) => ({ kind: a.kind })),
    topic: r.scrub(c.topic),
    ...(correction ? { correction: withText(correction, 'note', r.scrub) } : {}),
    ...(resolutionNote !== undefined ? { resolutionNote: r.scrub(resolutionNote) } : {}),
    reviewNotes: reviewNotes.map(scrubNote),
    privateNotes: privateNotes.map(scrubNote),
    ptp: ptp.map((p) => anonymiseRound(p, r)),
    satisfaction: satisfaction.map(({ reason: _reason, ...s }) => s),
    anonymised: { at: r.at, why: r.why },
  };
}

function anonymiseRound(p: PtpRound, r: CaseRules): PtpRound {
  let out: PtpRound = { ...p, verifications: p.verifications.map((v) => ({ ...v, notes: r.scrub(v.notes) })) };
  if (out.reopenReason !== undefined) out.reopenReason = ERASED;
  for (const k of ['rootCause', 'correctiveAction', 'owner', 'citizenMessage'] as const)
    out = withText(out, k, r.scrub);
  if (out.citizenAnswer?.reason !== undefined) out.citizenAnswer = { ...out.citizenAnswer, reason: ERASED };
  return out;
}

function withText<T, K extends keyof T>(o: T, key: K, scrub: (s: string) => string): T {
  const v = o[key];
  return typeof v === 'string' ? { ...o, [key]: scrub(v) } : o;
}

/**
 * An event with the citizen's data removed: the citizen as actor becomes the stand-in, their words go; what staff
 * and the bot wrote is scrubbed.
 */
export function anonymiseEvent(e: CaseEvent, r: CaseRules, channel: ChannelName | null): CaseEvent {
  const byCitizen = e.actor.kind === 'citizen';
  const { detail, ...rest } = e;
  const actor = byCitizen
    ? { kind: 'citizen' as const, id: channel ? `${channel}:${r.pseudonym}` : r.pseudonym }
    : { ...e.actor, ...(e.actor.name !== undefined ? { name: r.scrub(e.actor.name) } : {}) };
  return {
    ...rest,
    actor,
    ...(detail !== undefined ? { detail: byCitizen ? ERASED : r.scrub(detail) } : {}),
  };
}
