// The page where a citizen asks for their private link again (bots/web/relink.ts).
import type { Language } from '../../src/domain/case.js';
import { h, type Html } from '../../src/http/pages/html.js';
import { pt } from './texts.js';

export function relinkBody(lang: Language, asked = false): Html {
  const en = lang === 'en';
  return h`<h1>${pt(lang, 'relinkTitle')}</h1>
${
  asked
    ? h`<p class="notice ok" role="status">${
        en
          ? 'If the ticket and the number match a complaint submitted on this site, and that number has written to our WhatsApp before, a new link is on its way there. The earlier link no longer works.'
          : 'Jika nomor tiket dan nomor WhatsApp cocok dengan pengaduan yang dikirim lewat situs ini, dan nomor itu pernah mengirim pesan ke WhatsApp kami, tautan baru sedang dikirim ke sana. Tautan lama tidak berlaku lagi.'
      }</p>`
    : ''
}
<form class="card" method="post" action="/tautan">
<p>${
    en
      ? 'If you gave a WhatsApp number with your complaint, we can send a new private link to it. Send any message to our WhatsApp first: we never write first.'
      : 'Jika Anda mengisi nomor WhatsApp saat mengirim pengaduan, kami dapat mengirim tautan pribadi baru ke nomor itu. Kirim pesan apa saja ke WhatsApp kami terlebih dahulu: kami tidak pernah mengirim pesan lebih dulu.'
  }</p>
<label for="tiket">${pt(lang, 'ticket')}</label><input id="tiket" name="tiket" required maxlength="20" autocomplete="off" placeholder="ADU-XXXX-XXXX">
<label for="whatsapp">${en ? 'The WhatsApp number you gave' : 'Nomor WhatsApp yang Anda isi'}</label><input id="whatsapp" type="tel" name="whatsapp" required maxlength="20" autocomplete="tel">
<div class="actions"><button type="submit">${en ? 'Send me a new link' : 'Kirim tautan baru'}</button></div>
<p class="muted">${
    en
      ? 'No WhatsApp number with your complaint? Submit the complaint again, or contact the office with your ticket number.'
      : 'Tidak mengisi nomor WhatsApp? Kirim pengaduan baru, atau hubungi kantor dengan nomor tiket Anda.'
  }</p>
</form>`;
}
