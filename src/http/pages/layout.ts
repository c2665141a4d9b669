// The frame of every page: the agency's name in the masthead, a skip link, the language switch (citizens' pages),
// one stylesheet and no script. Indonesian first; English where the page offers the switch.
import type { Language } from '../../domain/case.js';
import { h, type Html } from './html.js';

export interface PageOptions {
  title: string;
  lang: Language;
  agency: { name: string; shortName: string };
  body: Html;
  /** Where the agency's name links to. */
  home: string;
  /** What the masthead says under the agency's name ("Layanan Pengaduan", "Dasbor Petugas"). */
  service: string;
  /** Items of the masthead's navigation (links, the sign-out form). */
  nav?: Html;
  /** The language switch's links, on pages that offer English. */
  switchTo?: Record<Language, string>;
  wide?: boolean;
  /** Reloads the page after this many seconds (a reply still on its way; works without JavaScript). */
  refreshSeconds?: number;
  footer?: Html;
}

export function page(o: PageOptions): Html {
  const skip = o.lang === 'en' ? 'Skip to content' : 'Langsung ke isi';
  const switcher = o.switchTo
    ? h`<span class="langs"><a href="${o.switchTo.id}" lang="id" hreflang="id" title="Bahasa Indonesia"${o.lang === 'id' ? h` aria-current="true"` : ''}>ID</a><a href="${o.switchTo.en}" lang="en" hreflang="en" title="English"${o.lang === 'en' ? h` aria-current="true"` : ''}>EN</a></span>`
    : '';
  return h`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
${o.refreshSeconds ? h`<meta http-equiv="refresh" content="${o.refreshSeconds}">` : ''}
<title>${o.title} · ${o.agency.shortName}</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body class="${o.wide ? 'wide' : ''}">
<a class="skip" href="#isi">${skip}</a>
<header class="masthead"><div class="bar">
<a class="brand" href="${o.home}"><b>${o.agency.name}</b><small>${o.service}</small></a>
<nav aria-label="${o.lang === 'en' ? 'Menu' : 'Menu'}">${o.nav ?? ''}${switcher}</nav>
</div></header>
<main id="isi">
${o.body}
</main>
<footer class="site">${o.footer ?? h`${o.agency.name}`}</footer>
</body>
</html>`;
}
