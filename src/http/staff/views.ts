// What the dashboard shows of a case, the same way on every page: stage names for staff, dates in the agency's
// zone, tags, and the citizen's contact as the viewer's role allows (supervisors see it whole, staff masked; a
// citizen who filed anonymously is hidden from everyone). Personal data in a citizen's text is masked for staff.
import type { CaseRecord } from '../../domain/case.js';
import { formatTime } from '../../domain/case-card.js';
import { channelLabel, KIND_ID } from '../../domain/labels-id.js';
import type { StaffRole } from '../../domain/staff.js';
import { isOpenPastDue } from '../../domain/standard-time.js';
import type { WebCitizen } from '../../store/web-port.js';
import { maskContact, maskPersonalData } from '../../../nlp/pii.js';
import { stageName } from '../../../flows/staff/texts.js';
import { h, type Html } from '../pages/html.js';

export { stageName };

/** "Aduan", "Pujian", "Pernyataan": the staff's words (KIND_ID), capitalised for headings and table cells. */
export const KIND_NAMES = Object.fromEntries(
  Object.entries(KIND_ID).map(([k, v]) => [k, v.charAt(0).toUpperCase() + v.slice(1)]),
) as Record<CaseRecord['kind'], string>;

export function when(ms: number | undefined): string {
  return ms === undefined ? '—' : formatTime(ms);
}

const SHORT = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "29 Nov 23.15": dates in a table column. */
export function shortWhen(ms: number | undefined): string {
  return ms === undefined ? '—' : SHORT.format(ms);
}

/** Past its stage's due time, on a stage whose clock is the staff's to meet (the one definition). */
export function isOverdue(c: CaseRecord, now: number): boolean {
  return isOpenPastDue(c, now);
}

/** The citizen's words as this viewer may read them. */
export function citizenText(text: string, role: StaffRole): string {
  return role === 'supervisor' ? text : maskPersonalData(text);
}

export function tags(c: CaseRecord, now: number): Html {
  return h`${isOverdue(c, now) ? h`<span class="tag bad">lewat batas</span>` : ''}${
    c.flags.includes('integrity') ? h`<span class="tag bad">integritas</span>` : ''
  }${c.reopenCount ? h`<span class="tag warn">dibuka ulang ${c.reopenCount}×</span>` : ''}${
    c.repeatOf ? h`<span class="tag info">berulang</span>` : ''
  }${c.request === 'suggestion' ? h`<span class="tag info">saran</span>` : ''}${
    c.request === 'information' ? h`<span class="tag info">permintaan informasi</span>` : ''
  }`;
}

const CONTACT_KINDS: Record<string, string> = { whatsapp: 'WhatsApp', telegram: 'Telegram', email: 'E-mail' };

/** How the citizen can be reached, as the viewer's role allows. */
export function contactView(c: CaseRecord, role: StaffRole, web: WebCitizen | null): string {
  const channel = channelLabel(c.citizen.channel);
  if (c.citizen.channel === 'web') {
    if (!web) return `${channel}: tidak ada kontak`;
    if (web.anonymous) return `${channel}: pelapor anonim (identitas dirahasiakan dari petugas)`;
    if (!web.contact) return `${channel}: pelapor tidak meninggalkan kontak`;
    const value = role === 'supervisor' ? web.contact.value : maskWebContact(web.contact.kind, web.contact.value);
    return `${channel}: ${CONTACT_KINDS[web.contact.kind] ?? web.contact.kind} ${value}`;
  }
  const id = role === 'supervisor' ? c.citizen.userId : maskContact(c.citizen.userId);
  return `${channel}: ${id}${c.citizen.displayName ? ` (${c.citizen.displayName})` : ''}`;
}

/** A web contact for staff: the last digits of a number, the first letters of a username or an address. */
export function maskWebContact(kind: string, value: string): string {
  if (kind === 'whatsapp') return maskContact(value);
  if (kind === 'email') {
    const [user = '', domain = ''] = value.split('@');
    return `${user.slice(0, 2)}***@${domain}`;
  }
  return `${value.slice(0, 3)}***`;
}
