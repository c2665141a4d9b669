// The private tracking page: each of the citizen's cases with its stage in plain words and its steps, the private
// link to keep, the conversation (the citizen's messages and everything the service sent them), and what the
// conversation waits for now: the answer to the last question (its choices as buttons), or at the confirmation
// stage "Puas / Belum puas" with a reason. Works without JavaScript; reloads itself while a reply is on its way.
import type { CaseRecord, Language } from '../../src/domain/case.js';
import type { Choice } from '../../src/domain/messages.js';
import type { WebMessage } from '../../src/store/web-port.js';
import { h, type Html } from '../../src/http/pages/html.js';
import { newToken } from '../../src/http/tokens.js';
import { closureChoices } from '../../flows/closure.js';
import { MAX_FILES } from './form-input.js';
import { CITIZEN_STEPS, pt, STAGE_FOR_CITIZEN } from './texts.js';

export interface TrackView {
  lang: Language;
  link: string;
  csrf: string;
  cases: CaseRecord[];
  /** The conversation from the citizen's first message on. */
  messages: WebMessage[];
  /** A reply is still on its way (the last message is the citizen's, moments ago). */
  waiting: boolean;
  divisionName: (id: string) => string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** "30 Nov 2026 01.30" in the citizen's language, agency time (WIB). */
export function citizenTime(ms: number, lang: Language, timeZone = 'Asia/Jakarta'): string {
  const key = `${lang}:${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(key, f);
  }
  return `${f.format(ms)} WIB`;
}

const KIND: Record<CaseRecord['kind'], { id: string; en: string }> = {
  complaint: { id: 'Aduan', en: 'Complaint' },
  praise: { id: 'Pujian', en: 'Praise' },
  statement: { id: 'Pertanyaan / informasi', en: 'Question / information' },
};

export function trackBody(v: TrackView): Html {
  const t = (k: Parameters<typeof pt>[1]) => pt(v.lang, k);
  const confirming = v.cases.find((c) => c.stage === 'awaiting_confirmation');
  const last = v.messages.at(-1);
  const question = last && last.from === 'service' && last.choices?.length ? last.choices : undefined;
  // The question the last message asks (offered choices, or a question mark), shown with the answer box.
  const asking =
    last && last.from === 'service' && (last.choices?.length || /\?\s*\)?\s*$/.test(last.text)) ? last.text : undefined;
  // What the conversation waits for comes right under the case (on a phone, before the long conversation).
  const action = confirming && !v.waiting ? confirmForm(confirming, v, last) : answerForm(v, question, asking);
  return h`<h1>${t('trackTitle')}</h1>
${v.cases.length === 0 ? h`<p class="notice warn">${t('notYetRecorded')}</p>` : v.cases.map((c) => caseCard(c, v))}
${v.waiting ? h`<p class="notice" role="status">${t('processing')}</p>` : action}
<section class="card" aria-labelledby="tautan"><h2 id="tautan">${t('privateLink')}</h2>
<p class="linkbox mono">${v.link}</p><p class="muted">${t('privateLinkText')}</p></section>
<section class="card" aria-labelledby="percakapan"><h2 id="percakapan">${t('thread')}</h2>
<ol class="thread">${v.messages.map((m) => message(m, v.lang))}</ol>
<span id="akhir"></span>
</section>
<form method="post" action="/lacak/keluar"><input type="hidden" name="_csrf" value="${v.csrf}"><button type="submit" class="secondary small">${t('forget')}</button> <a class="button secondary small" href="/">${t('newComplaint')}</a></form>`;
}

function caseCard(c: CaseRecord, v: TrackView): Html {
  const lang = v.lang;
  const at = CITIZEN_STEPS.findIndex((s) => s.stages.includes(c.stage));
  const stageWords = STAGE_FOR_CITIZEN[c.stage][lang];
  const done = c.stage === 'closed' || c.stage === 'archived';
  return h`<section class="card" aria-label="${c.ticket}">
<p class="muted">${pt(lang, 'ticket')} · ${KIND[c.kind][lang]}</p>
<p class="ticket">${c.ticket}</p>
<p><span class="stage${done ? ' done' : c.stage === 'awaiting_confirmation' ? ' wait' : ''}">${pt(lang, 'stage')}</span> ${stageWords}</p>
${
  c.kind === 'complaint'
    ? h`<ol class="steps">${CITIZEN_STEPS.map(
        (s, i) =>
          h`<li class="${i < at || (done && i === at) ? 'done' : i === at ? 'now' : ''}"${i === at ? h` aria-current="step"` : ''}>${s[lang]}</li>`,
      )}</ol>`
    : ''
}
<p class="muted">${lang === 'en' ? 'Division' : 'Bidang'}: ${v.divisionName(c.division)} · ${lang === 'en' ? 'filed' : 'masuk'} ${citizenTime(c.createdAt, lang)}</p>
</section>`;
}

function message(m: WebMessage, lang: Language): Html {
  const mine = m.from === 'citizen';
  return h`<li class="msg ${mine ? 'citizen' : 'service'}"><span class="who">${mine ? pt(lang, 'you') : pt(lang, 'serviceName')}</span>${m.text}${
    m.attachments?.length
      ? h`<br><span class="muted">${lang === 'en' ? 'Files' : 'Lampiran'}: ${m.attachments.map((a) => a.name ?? a.kind).join(', ')}</span>`
      : ''
  }<time>${citizenTime(m.at, lang)}</time></li>`;
}

function answerForm(v: TrackView, choices: Choice[] | undefined, asking: string | undefined): Html {
  const t = (k: Parameters<typeof pt>[1]) => pt(v.lang, k);
  return h`<form class="card" method="post" action="/lacak/balas" enctype="multipart/form-data" aria-labelledby="balas">
<h2 id="balas">${t('answer')}</h2>
<input type="hidden" name="_csrf" value="${v.csrf}"><input type="hidden" name="formulir" value="${newToken(16)}">
${
  choices
    ? h`<div class="actions">${choices.map((c) => h`<button type="submit" name="pilihan" value="${c.id}" class="secondary">${c.label}</button>`)}</div>`
    : ''
}
${asking ? h`<p class="notice msg-text" id="pertanyaan">${asking}</p>` : ''}
<label for="teks">${t('answerHint')}</label>
<textarea id="teks" name="teks" maxlength="4000"></textarea>
<label for="lampiran">${t('attach')}</label>
<input id="lampiran" type="file" name="berkas" multiple accept="image/jpeg,image/png,image/webp,image/heic,image/gif,application/pdf" data-max="${MAX_FILES}">
<div class="actions"><button type="submit">${t('send')}</button></div>
</form>`;
}

function confirmForm(c: CaseRecord, v: TrackView, last: WebMessage | undefined): Html {
  const t = (k: Parameters<typeof pt>[1]) => pt(v.lang, k);
  const choices = closureChoices(v.lang);
  return h`<form class="card" method="post" action="/lacak/konfirmasi" aria-labelledby="konfirmasi">
<h2 id="konfirmasi">${t('confirmTitle')}</h2>
${last?.from === 'service' ? h`<p class="notice msg-text">${last.text}</p>` : h`<p class="muted">${c.ticket}</p>`}
<input type="hidden" name="_csrf" value="${v.csrf}"><input type="hidden" name="formulir" value="${newToken(16)}"><input type="hidden" name="tiket" value="${c.ticket}">
<fieldset><legend>${t('yourAnswer')}</legend>${choices.map(
    (ch, i) =>
      h`<label class="choice"><input type="radio" name="jawaban" value="${ch.id}" required${i === 0 ? '' : ''}> ${ch.label}</label>`,
  )}</fieldset>
<label for="alasan">${t('reason')} <span class="hint" id="alasan-hint">${t('reasonHint')}</span></label>
<textarea id="alasan" name="alasan" maxlength="2000" aria-describedby="alasan-hint"></textarea>
<div class="actions"><button type="submit">${t('confirmSend')}</button></div>
</form>`;
}
