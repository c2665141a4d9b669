// The citizens' pages, mounted at "/" of the service's HTTP server: the complaint form (GET /, POST /lapor), the
// private tracking page (GET /lacak/<token> exchanges the link for a cookie and sends the browser to the clean
// /lacak; GET /lacak; POST /lacak/balas, /lacak/konfirmasi, /lacak/keluar). Rate limits per address, size limits,
// a same-origin check and a per-link form token on every post; Indonesian first, English by ?lang=en.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Language } from '../../src/domain/case.js';
import type { WebCitizen } from '../../src/store/web-port.js';
import { h, type Html } from '../../src/http/pages/html.js';
import { page } from '../../src/http/pages/layout.js';
import { rateLimit } from '../../src/http/rate-limit.js';
import { requestInfo, sameOrigin } from '../../src/http/security.js';
import { hashToken, isTokenShaped, newToken, sameSecret } from '../../src/http/tokens.js';
import { closureChoices } from '../../flows/closure.js';
import { t } from '../../flows/texts.js';
import { openCitizen, say, type WebDeps } from './conversation.js';
import { filesOf, MAX_FILES, readComplaint, readFiles } from './form-input.js';
import { formBody } from './form-page.js';
import { pt } from './texts.js';
import { trackBody } from './track-page.js';
import { relink } from './relink.js';
import { relinkBody } from './relink-page.js';

type Env = { Bindings: { info?: unknown } };

export interface CitizenPagesOptions {
  publicUrl: string;
  secure: (info: { secure: boolean }) => boolean;
}

const TRACK_COOKIE = 'aduan_lacak';
const LANG_COOKIE = 'aduan_bahasa';
const FORM_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function citizenPages(deps: WebDeps, opts: CitizenPagesOptions): Hono<Env> {
  const { app } = deps;
  const r = new Hono<Env>();
  const cfg = app.config;
  const forms = rateLimit(cfg.WEB_FORM_PER_HOUR, 3_600_000);
  const pages = rateLimit(cfg.WEB_PAGE_PER_MINUTE, 60_000);
  const maxFile = cfg.MAX_ATTACHMENT_MB * 1_048_576;
  const allowAnonymous = app.agency.allowAnonymous ?? false;
  const address = (c: Context<Env>) => requestInfo(c.env).clientAddress;
  const secure = (c: Context<Env>) => opts.secure(requestInfo(c.env));
  const langOf = (c: Context<Env>): Language => {
    const v = getCookie(c, LANG_COOKIE);
    return v === 'en' || v === 'id' ? v : cfg.DEFAULT_LANGUAGE;
  };
  const frame = (c: Context<Env>, title: string, body: Html, extra: { refresh?: number } = {}) => {
    const lang = langOf(c);
    return page({
      title,
      lang,
      agency: app.agency,
      home: '/',
      service: pt(lang, 'service'),
      body,
      nav: h`<a href="/lacak">${pt(lang, 'trackLink')}</a>`,
      // The switch names a page that can be opened again, and never a link's token.
      switchTo: { id: `${switchPath(c.req.path)}?lang=id`, en: `${switchPath(c.req.path)}?lang=en` },
      ...(extra.refresh ? { refreshSeconds: extra.refresh } : {}),
      footer: h`${app.agency.name} · ${pt(lang, 'service')}`,
    });
  };
  const refuse = (c: Context<Env>, status: 400 | 403 | 404 | 413 | 429 | 503, title: string, text: string) =>
    c.html(
      frame(
        c,
        title,
        h`<h1>${title}</h1><div class="card"><p>${text}</p><p><a href="/">${pt(langOf(c), 'formTitle')}</a></p></div>`,
      ),
      status,
    );
  const limited = (c: Context<Env>, limit: typeof forms) => {
    c.header('Retry-After', String(Math.max(1, limit.retryAfter(address(c)))));
    return refuse(c, 429, pt(langOf(c), 'tooOften'), pt(langOf(c), 'tooOften'));
  };
  const uploadLimit = bodyLimit({
    maxSize: MAX_FILES * maxFile + 1_048_576,
    onError: (c) =>
      refuse(
        c as Context<Env>,
        413,
        pt(langOf(c as Context<Env>), 'tooLarge'),
        pt(langOf(c as Context<Env>), 'tooLarge'),
      ),
  });
  const smallLimit = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) =>
      refuse(
        c as Context<Env>,
        413,
        pt(langOf(c as Context<Env>), 'tooLarge'),
        pt(langOf(c as Context<Env>), 'tooLarge'),
      ),
  });

  r.use('*', sameOrigin(opts.publicUrl));
  // ?lang=en / ?lang=id: remembered in a cookie, then the same page without the query.
  r.use('*', async (c, next) => {
    const lang = c.req.query('lang');
    if (c.req.method === 'GET' && (lang === 'id' || lang === 'en')) {
      setCookie(c, LANG_COOKIE, lang, {
        path: '/',
        sameSite: 'Lax',
        httpOnly: true,
        secure: secure(c),
        maxAge: 31_536_000,
      });
      return c.redirect(c.req.path, 303);
    }
    return next();
  });
  // While the store cannot write (disk full, read-only), nothing is taken that could not be kept.
  r.use('*', async (c, next) => {
    if (c.req.method !== 'POST' || app.storage.ok) return next();
    c.header('Retry-After', '60');
    return refuse(c, 503, pt(langOf(c), 'unavailable'), pt(langOf(c), 'unavailable'));
  });
  r.use('*', async (c, next) => {
    if (c.req.method === 'POST' && c.req.path === '/lapor') return next(); // counted by the form's own limit
    if (!pages.take(address(c))) return limited(c, pages);
    return next();
  });

  const greetings = new Set((['id', 'en'] as const).map((l) => t(l, 'greeting', { agency: app.agency.name })));
  const formPage = (c: Context<Env>, extra: Partial<Parameters<typeof formBody>[0]> = {}, status: 200 | 400 = 200) =>
    c.html(
      frame(
        c,
        pt(langOf(c), 'formTitle'),
        formBody({
          lang: langOf(c),
          formId: newToken(16),
          maxChars: cfg.MAX_MESSAGE_CHARS,
          maxFileMb: cfg.MAX_ATTACHMENT_MB,
          allowAnonymous,
          ...extra,
        }),
      ),
      status,
    );

  r.get('/', (c) => formPage(c));
  r.post('/lapor', uploadLimit, async (c) => {
    if (!forms.take(address(c))) return limited(c, forms);
    const lang = langOf(c);
    const body = (await c.req.parseBody({ all: true })) as Record<string, string | File | Array<string | File>>;
    const formId = typeof body.formulir === 'string' && FORM_ID.test(body.formulir) ? body.formulir : newToken(16);
    const { values, errors } = readComplaint(body, lang, { maxChars: cfg.MAX_MESSAGE_CHARS, allowAnonymous });
    const files = await readFiles(filesOf(body, 'berkas'), lang, maxFile);
    const problems = [...errors, ...files.errors];
    if (problems.length) return formPage(c, { values, errors: problems, formId }, 400);
    const citizen = await openCitizen(deps, formId, {
      ...(values.contactKind !== 'none' ? { contact: { kind: values.contactKind, value: values.contactValue } } : {}),
      anonymous: values.anonymous,
    });
    if (!citizen.again) {
      await say(deps, citizen.id, {
        formId: `${formId}:1`,
        text: values.message,
        uploads: files.uploads,
        details: { ...(values.place ? { where: values.place } : {}), ...(values.time ? { since: values.time } : {}) },
      });
    }
    keepLink(c, citizen.token);
    return c.redirect('/lacak', 303);
  });

  r.get('/lacak/:token', async (c) => {
    const token = c.req.param('token');
    const found = isTokenShaped(token) ? await app.web.webCitizenByToken(hashToken(token)) : null;
    if (!found) return unknownLink(c);
    keepLink(c, token);
    return c.redirect('/lacak', 303);
  });
  r.get('/lacak', async (c) => {
    const held = await holder(c);
    const lang = langOf(c);
    if (!held)
      return c.html(
        frame(
          c,
          pt(lang, 'noTrack'),
          h`<h1>${pt(lang, 'noTrack')}</h1><div class="card"><p>${pt(lang, 'noTrackText')}</p><p><a class="button" href="/">${pt(lang, 'formTitle')}</a></p><p><a href="/tautan">${pt(lang, 'relinkTitle')}</a></p></div>`,
        ),
      );
    const { citizen, token } = held;
    const [all, cases] = await Promise.all([
      app.web.listWebMessages(citizen.key, 300),
      app.store.listCases({ citizenKey: citizen.key, limit: 20 }),
    ]);
    // The chat's welcome (it names chat commands, and this page is the welcome here) is not shown.
    const messages = all.filter((m) => m.from === 'citizen' || !greetings.has(m.text));
    const last = messages.at(-1);
    const waiting = last?.from === 'citizen' && app.now() - last.at < 60_000;
    const body = trackBody({
      lang,
      link: `${opts.publicUrl}/lacak/${token}`,
      csrf: csrfOf(token),
      cases,
      messages,
      waiting,
      divisionName: (id) => {
        const d = app.agency.divisions.find((x) => x.id === id);
        return (lang === 'en' ? d?.nameEn : undefined) ?? d?.name ?? id;
      },
    });
    return c.html(frame(c, pt(lang, 'trackTitle'), body, waiting ? { refresh: 2 } : {}));
  });
  r.post('/lacak/balas', uploadLimit, async (c) => {
    const held = await holder(c);
    const lang = langOf(c);
    const body = (await c.req.parseBody({ all: true })) as Record<string, string | File | Array<string | File>>;
    if (!held || !sameSecret(field(body, '_csrf'), csrfOf(held.token)))
      return refuse(c, 403, pt(lang, 'expiredForm'), pt(lang, 'expiredForm'));
    const formId = FORM_ID.test(field(body, 'formulir')) ? field(body, 'formulir') : newToken(16);
    const text = field(body, 'teks')
      .replace(/\r\n?/g, '\n')
      .trim()
      .slice(0, cfg.MAX_MESSAGE_CHARS + 1);
    const choiceId = field(body, 'pilihan').slice(0, 64);
    const offered = (await app.web.listWebMessages(held.citizen.key, 20))
      .filter((m) => m.from === 'service')
      .at(-1)?.choices;
    const choice = offered?.find((x) => x.id === choiceId);
    const files = await readFiles(filesOf(body, 'berkas'), lang, maxFile);
    if (files.errors.length) return refuse(c, 400, pt(lang, 'errorsTitle'), files.errors.join(' '));
    if (!choice && text === '' && files.uploads.length === 0) return c.redirect('/lacak', 303);
    const id = held.citizen.key.slice(4);
    await say(deps, id, {
      formId,
      text: choice ? '' : text,
      ...(choice ? { choice: choice.id, shown: choice.label } : {}),
      uploads: files.uploads,
    });
    return c.redirect('/lacak#akhir', 303);
  });
  r.post('/lacak/konfirmasi', smallLimit, async (c) => {
    const held = await holder(c);
    const lang = langOf(c);
    const body = (await c.req.parseBody()) as Record<string, string | File>;
    if (!held || !sameSecret(field(body, '_csrf'), csrfOf(held.token)))
      return refuse(c, 403, pt(lang, 'expiredForm'), pt(lang, 'expiredForm'));
    const formId = FORM_ID.test(field(body, 'formulir')) ? field(body, 'formulir') : newToken(16);
    const answer = closureChoices(lang).find((x) => x.id === field(body, 'jawaban'));
    if (!answer) return c.redirect('/lacak', 303);
    const id = held.citizen.key.slice(4);
    // The same two steps as the chat's buttons: the answer, then (not satisfied) the reason, through the same flow.
    await say(deps, id, { formId: `${formId}:a`, text: '', choice: answer.id, shown: answer.label });
    const reason = field(body, 'alasan').replace(/\r\n?/g, '\n').trim().slice(0, 2000);
    if (answer.id === 'not_satisfied' && reason) await say(deps, id, { formId: `${formId}:r`, text: reason });
    return c.redirect('/lacak#akhir', 303);
  });
  r.get('/tautan', (c) => c.html(frame(c, pt(langOf(c), 'relinkTitle'), relinkBody(langOf(c)))));
  r.post('/tautan', smallLimit, async (c) => {
    if (!forms.take(address(c))) return limited(c, forms);
    const lang = langOf(c);
    const body = (await c.req.parseBody()) as Record<string, string | File>;
    await relink(app, opts.publicUrl, { ticket: field(body, 'tiket'), whatsapp: field(body, 'whatsapp') });
    // The same answer whatever was typed: the page must not tell whether a ticket or a number exists.
    return c.html(frame(c, pt(lang, 'relinkTitle'), relinkBody(lang, true)));
  });
  r.post('/lacak/keluar', smallLimit, async (c) => {
    const lang = langOf(c);
    deleteCookie(c, TRACK_COOKIE, { path: '/', secure: secure(c) });
    return c.html(
      frame(
        c,
        pt(lang, 'forget'),
        h`<h1>${pt(lang, 'forget')}</h1><div class="card"><p>${pt(lang, 'forgotten')}</p><p><a href="/">${pt(lang, 'formTitle')}</a></p></div>`,
      ),
    );
  });

  /** The citizen whose link this browser holds (the cookie set when the link was opened), or null. */
  async function holder(c: Context<Env>): Promise<{ citizen: WebCitizen; token: string } | null> {
    const token = getCookie(c, TRACK_COOKIE) ?? '';
    if (!isTokenShaped(token)) return null;
    const citizen = await app.web.webCitizenByToken(hashToken(token));
    return citizen ? { citizen, token } : null;
  }
  function keepLink(c: Context<Env>, token: string) {
    // A browser-session cookie (gone when the browser closes): the link itself is what the citizen keeps.
    setCookie(c, TRACK_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c) });
  }
  function unknownLink(c: Context<Env>) {
    const lang = langOf(c);
    return refuse(c, 404, pt(lang, 'unknownLink'), pt(lang, 'unknownLinkText'));
  }
  return r;
}

function switchPath(path: string): string {
  return path.startsWith('/lacak') ? '/lacak' : '/';
}

/** The form token of a tracking link's forms: only the holder of the link can make it. */
function csrfOf(token: string): string {
  return hashToken(`csrf:${token}`);
}

function field(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s : '';
}
