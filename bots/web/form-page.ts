// The complaint form: one page, mobile first, that works without JavaScript. Labels on every field, hints beside
// them, errors listed on top and kept values when a form is refused (files must be chosen again: browsers do not
// keep them).
import type { Language } from '../../src/domain/case.js';
import { h, type Html } from '../../src/http/pages/html.js';
import type { ComplaintValues } from './form-input.js';
import { MAX_FILES, MAX_PLACE, MAX_TIME } from './form-input.js';
import { PAGE_TEXTS, pt } from './texts.js';

export interface FormPage {
  lang: Language;
  formId: string;
  maxChars: number;
  maxFileMb: number;
  allowAnonymous: boolean;
  values?: ComplaintValues;
  errors?: string[];
}

export function formBody(p: FormPage): Html {
  const v = p.values;
  const t = (k: Parameters<typeof pt>[1]) => pt(p.lang, k);
  const kind = v?.contactKind ?? 'none';
  const radio = (value: string, label: string) =>
    h`<label class="choice"><input type="radio" name="kontak" value="${value}"${kind === value ? h` checked` : ''}> ${label}</label>`;
  return h`<h1>${t('formTitle')}</h1>
<p class="lead">${t('formLead')}</p>
${
  p.errors?.length
    ? h`<div class="errors" role="alert" id="kesalahan"><strong>${t('errorsTitle')}</strong><ul>${p.errors.map((e) => h`<li>${e}</li>`)}</ul>${
        p.values ? h`<p>${t('filesAgain')}</p>` : ''
      }</div>`
    : ''
}
<form class="card" method="post" action="/lapor" enctype="multipart/form-data">
<input type="hidden" name="formulir" value="${p.formId}">
<label for="pesan">${t('message')} <span class="hint" id="pesan-hint">${t('messageHint')}</span></label>
<textarea id="pesan" name="pesan" required maxlength="${p.maxChars}" aria-describedby="pesan-hint">${v?.message ?? ''}</textarea>
<label for="lokasi">${t('place')} <span class="hint" id="lokasi-hint">${t('placeHint')}</span></label>
<input id="lokasi" type="text" name="lokasi" maxlength="${MAX_PLACE}" value="${v?.place ?? ''}" aria-describedby="lokasi-hint" autocomplete="off">
<label for="waktu">${t('time')} <span class="hint" id="waktu-hint">${t('timeHint')}</span></label>
<input id="waktu" type="text" name="waktu" maxlength="${MAX_TIME}" value="${v?.time ?? ''}" aria-describedby="waktu-hint" autocomplete="off">
<label for="berkas">${t('files')} <span class="hint" id="berkas-hint">${PAGE_TEXTS.filesHint[p.lang](p.maxFileMb)}</span></label>
<input id="berkas" type="file" name="berkas" multiple accept="image/jpeg,image/png,image/webp,image/heic,image/gif,application/pdf" aria-describedby="berkas-hint" data-max="${MAX_FILES}">
<fieldset><legend>${t('contact')}</legend>
${radio('none', t('contactNone'))}${radio('whatsapp', t('contactWhatsapp'))}${radio('telegram', t('contactTelegram'))}${radio('email', t('contactEmail'))}
<label for="kontak_isi">${t('contactValue')} <span class="hint" id="kontak-hint">${t('contactHint')}</span></label>
<input id="kontak_isi" type="text" name="kontak_isi" maxlength="254" value="${v?.contactValue ?? ''}" aria-describedby="kontak-hint" autocomplete="off" inputmode="email">
${
  p.allowAnonymous
    ? h`<label class="choice"><input type="checkbox" name="anonim" value="1"${v?.anonymous ? h` checked` : ''} aria-describedby="anonim-hint"> ${t('anonymous')}</label><span class="hint" id="anonim-hint">${t('anonymousHint')}</span>`
    : ''
}
</fieldset>
<p class="muted">${t('privacy')}</p>
<div class="actions"><button type="submit">${t('submit')}</button></div>
</form>
<p><a href="/lacak">${t('trackLink')}</a></p>`;
}
