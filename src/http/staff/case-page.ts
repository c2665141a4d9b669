// One case on the dashboard: the card (as the viewer's role may read it), every PTP round, the citizen's thread, the
// attachments, the full history, and the actions the member may take now. What the staff flow answered the last
// action is shown on top, with its choices as buttons.
import type { App } from '../../app.js';
import type { CaseEvent, CaseRecord } from '../../domain/case.js';
import type { StaffActor, StaffReply } from '../../domain/staff.js';
import type { WebCitizen, WebMessage } from '../../store/web-port.js';
import { maskContact, maskPersonalData } from '../../../nlp/pii.js';
import { h, type Html } from '../pages/html.js';
import { actionForms } from './actions.js';
import { citizenText, contactView, KIND_NAMES, stageName, tags, when } from './views.js';
import { newToken } from '../tokens.js';
import { praiseOf, resolutionName, stageMove, type CardExtras } from '../../domain/case-card.js';
import { actionLabel, ANSWER_ID, channelLabel, KIND_ID } from '../../domain/labels-id.js';
import { otherCasesOf } from '../../services/other-cases.js';

export interface CaseView {
  c: CaseRecord;
  events: CaseEvent[];
  web: WebCitizen | null;
  thread: WebMessage[];
  flash: StaffReply[];
  /** The citizen's other complaints (newest three, and whether there are more), as the Telegram card lists them. */
  others: Pick<CardExtras, 'earlier' | 'earlierTotal'>;
}

/** Reads what the page shows. */
export async function loadCase(app: App, c: CaseRecord, flash: StaffReply[]): Promise<CaseView> {
  const webKey = c.citizen.channel === 'web' ? `web:${c.citizen.userId}` : null;
  const [events, web, thread, others] = await Promise.all([
    app.store.getEvents(c.ticket),
    webKey ? app.web.getWebCitizen(webKey) : Promise.resolve(null),
    webKey ? app.web.listWebMessages(webKey, 200) : Promise.resolve([]),
    otherCasesOf(app.store, c),
  ]);
  // From the citizen's first message (the turn that set up the conversation's language is not theirs).
  const first = thread.findIndex((m) => m.from === 'citizen');
  return { c, events, web, thread: first < 0 ? [] : thread.slice(first), flash, others };
}

export function caseBody(app: App, v: CaseView, actor: StaffActor, csrf: string): Html {
  const { c } = v;
  const role = actor.kind;
  const now = app.now();
  const text = (s: string) => citizenText(s, role);
  const division = app.agency.divisions.find((d) => d.id === c.division)?.name ?? c.division;
  const praise = praiseOf(c);
  return h`<p><a href="/staf">← Kotak masuk</a></p>
<h1><span class="mono">${c.ticket}</span> · ${KIND_NAMES[c.kind]}</h1>
<p><span class="stage">${stageName(c.stage)}</span> ${tags(c, now)}</p>
${v.flash.length ? flashBox(c, v.flash, csrf) : ''}
<div class="grid2">
<section class="card" aria-labelledby="kartu"><h2 id="kartu">Kartu kasus</h2>
<dl class="facts">
<dt>Kontak</dt><dd>${contactView(c, role, v.web)}</dd>
<dt>Isi</dt><dd class="msg-text">${text(c.text)}</dd>
${c.details.what ? h`<dt>Rincian</dt><dd>${text(c.details.what)}</dd>` : ''}
${c.details.where ? h`<dt>Lokasi</dt><dd>${text(c.details.where)}</dd>` : ''}
${c.details.since ? h`<dt>Sejak</dt><dd>${c.details.since}</dd>` : ''}
<dt>Klasifikasi</dt><dd>${classification(c)} · topik ${c.topic}</dd>
<dt>Bidang</dt><dd>${division}</dd>
${praise ? h`<dt>Pujian warga</dt><dd>${text(praise)}</dd>` : ''}
${otherCases(v.others)}
${c.repeatOf ? h`<dt>Berulang dari</dt><dd><a class="mono" href="/staf/kasus/${c.repeatOf.ticket}">${c.repeatOf.ticket}</a> (kemiripan ${Math.round(c.repeatOf.similarity * 100)}%)</dd>` : ''}
<dt>Masuk</dt><dd>${when(c.createdAt)}</dd>
<dt>Batas waktu</dt><dd>${c.dueAt ? when(c.dueAt) : '—'}</dd>
<dt>Dibuka ulang</dt><dd>${c.reopenCount ? `${c.reopenCount}×` : 'belum pernah'}</dd>
<dt>Dipegang</dt><dd>${c.assignee ?? 'belum ada'}</dd>
${c.resolution ? h`<dt>Penyelesaian</dt><dd>${resolutionName(c.resolution)}${c.resolutionNote ? h` (${text(c.resolutionNote)})` : ''}</dd>` : ''}
</dl>
${attachments(c)}
</section>
<section class="card" aria-labelledby="tindakan"><h2 id="tindakan">Tindakan</h2>
<p class="muted">Sama dengan perintah di topik kasus; peran dan tahap diperiksa di server.</p>
${actionForms(c, role, app.agency, csrf)}
</section>
</div>
${rounds(c, role)}
<section class="card" aria-labelledby="percakapan"><h2 id="percakapan">Percakapan dengan warga</h2>
${c.citizen.channel === 'web' ? webThread(v.thread, role) : eventThread(c, v.events, role)}
</section>
<section class="card" aria-labelledby="riwayat"><h2 id="riwayat">Riwayat lengkap</h2>
<ol class="history">${v.events.map((e) => historyLine(e, role))}</ol>
</section>`;
}

function flashBox(c: CaseRecord, replies: StaffReply[], csrf: string): Html {
  return h`<div class="notice" role="status" id="hasil">${replies.map(
    (r) =>
      h`<p class="msg-text">${r.text}</p>${
        r.choices?.length
          ? h`<div class="actions">${r.choices.map(
              (ch) =>
                h`<form class="inline" method="post" action="/staf/kasus/${c.ticket}/pilih"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="nonce" value="${newToken(12)}"><input type="hidden" name="choice" value="${ch.id}"><button type="submit" class="secondary small">${ch.label}</button></form>`,
            )}</div>`
          : ''
      }`,
  )}</div>`;
}

function attachments(c: CaseRecord): Html {
  if (c.attachments.length === 0) return h``;
  return h`<h3>Lampiran</h3><ul>${c.attachments.map((a, i) => {
    const name = a.name ?? `${a.kind} ${i + 1}`;
    if (a.fileId?.startsWith('web:'))
      return h`<li><a href="/staf/lampiran/${c.ticket}/${i}">${name}</a> <span class="muted">(${a.mime ?? a.kind}${a.size ? `, ${Math.ceil(a.size / 1024)} KB` : ''})</span></li>`;
    return h`<li>${name} <span class="muted">(tersimpan di ${channelLabel(c.citizen.channel)})</span></li>`;
  })}</ul>`;
}

function rounds(c: CaseRecord, role: StaffActor['kind']): Html {
  if (c.ptp.length === 0) return h``;
  return h`<section class="card" aria-labelledby="ptp"><h2 id="ptp">PTP (permintaan tindakan perbaikan)</h2>${c.ptp.map(
    (r, i) => h`<h3>Putaran ${i + 1}${r.reopenReason ? h` <span class="tag warn">dibuka ulang</span>` : ''}</h3>
<dl class="facts">
${r.reopenReason ? h`<dt>Alasan warga</dt><dd>${citizenText(r.reopenReason, role)}</dd>` : ''}
<dt>Akar masalah</dt><dd>${r.rootCause ?? '—'}</dd>
<dt>Tindakan</dt><dd>${r.correctiveAction ?? '—'}${r.owner ? ` · PIC ${r.owner}` : ''}${r.dueAt ? ` · target ${when(r.dueAt)}` : ''}</dd>
<dt>Verifikasi</dt><dd>${
      r.verifications.length
        ? r.verifications.map(
            (x) =>
              h`${x.result === 'approved' ? 'disetujui' : 'dikembalikan'} oleh ${x.by}, ${when(x.at)}${x.notes ? ` ("${x.notes}")` : ''}<br>`,
          )
        : '—'
    }</dd>
${r.citizenMessage ? h`<dt>Disampaikan</dt><dd>${r.citizenMessage}</dd>` : ''}
${
  r.citizenAnswer
    ? h`<dt>Jawaban warga</dt><dd>${ANSWER_ID[r.citizenAnswer.answer]}${
        r.citizenAnswer.reason ? ` ("${citizenText(r.citizenAnswer.reason, role)}")` : ''
      }</dd>`
    : ''
}
</dl>`,
  )}</section>`;
}

function webThread(thread: WebMessage[], role: StaffActor['kind']): Html {
  if (thread.length === 0) return h`<p class="muted">Belum ada pesan.</p>`;
  return h`<ol class="thread">${thread.map(
    (m) =>
      h`<li class="msg ${m.from === 'citizen' ? 'citizen' : 'service'}"><span class="who">${m.from === 'citizen' ? 'Warga' : 'Layanan'}</span>${
        m.from === 'citizen' ? citizenText(m.text, role) : m.text
      }${m.attachments?.length ? h`<br><span class="muted">Lampiran: ${m.attachments.map((a) => a.name ?? a.kind).join(', ')}</span>` : ''}<time>${when(m.at)}</time></li>`,
  )}</ol>`;
}

/** For chat citizens: what they wrote and what staff sent them, from the case's log. */
function eventThread(c: CaseRecord, events: CaseEvent[], role: StaffActor['kind']): Html {
  const items: Html[] = [];
  for (const e of events) {
    if (e.actor.kind === 'citizen') {
      const said = /^received/.test(e.action) ? c.text : (e.detail ?? e.action);
      items.push(
        h`<li class="msg citizen"><span class="who">Warga</span>${citizenText(said, role)}<time>${when(e.at)}</time></li>`,
      );
    } else if (e.action === 'reply to citizen' || e.action === 'inform') {
      items.push(
        h`<li class="msg staff"><span class="who">${e.actor.name ?? 'Petugas'}</span>${e.detail ?? ''}<time>${when(e.at)}</time></li>`,
      );
    }
  }
  return items.length ? h`<ol class="thread">${items}</ol>` : h`<p class="muted">Belum ada pesan.</p>`;
}

/** The citizen's other complaints, each a link to its page with its stage; '' when there are none. */
function otherCases(x: CaseView['others']): Html | string {
  if (!x.earlier?.length) return '';
  const more = (x.earlierTotal ?? 0) > x.earlier.length;
  const items = x.earlier.map(
    (o) => h`<a class="mono" href="/staf/kasus/${o.ticket}">${o.ticket}</a> (${stageName(o.stage)})`,
  );
  return h`<dt>Aduan lain warga ini</dt><dd>${items.flatMap((x, i) => (i ? [', ', x] : [x]))}${more ? ' dan lainnya' : ''}</dd>`;
}

function historyLine(e: CaseEvent, role: StaffActor['kind']): Html {
  const move = stageMove(e);
  const who =
    e.actor.kind === 'citizen'
      ? 'Warga'
      : (e.actor.name ?? (role === 'supervisor' ? e.actor.id : maskContact(e.actor.id)));
  const action = actionLabel(e.action);
  const detail = e.detail ? (role === 'supervisor' ? e.detail : maskPersonalData(e.detail)) : '';
  return h`<li><span class="when">${when(e.at)}</span> <strong>${who}</strong> · ${action}${move}${detail ? h` — “${detail}”` : ''}</li>`;
}

/** The model's reading (and a staff correction) in Indonesian words, as the Telegram card shows it. */
function classification(c: CaseRecord): string {
  const model = `${KIND_ID[c.classification.label]} (keyakinan model ${Math.round(c.classification.confidence * 100)}%)`;
  return c.correction ? `${KIND_ID[c.correction.label]} (dikoreksi petugas; model: ${model})` : model;
}
