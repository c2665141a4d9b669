// The web server in-process for route tests: a real core (SQLite file, the fake text understanding, the real
// dispatcher delivering to the web channel), the Hono application with the citizens' pages mounted, and a browser
// stand-in with a cookie jar that follows what a browser would send (Origin on posts, cookies by name).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import type { HttpRequestInfo } from '../../src/ports/http.js';
import { startWebChannel } from '../../bots/web/index.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import { fakeNlp, testAgency } from '../support/fake-nlp.js';

export const PUBLIC_URL = 'http://aduan.test';

export interface WebWorld {
  app: App;
  web: HttpApp;
  dir: string;
  /** A new browser (its own cookies) at `address`. */
  browser(address?: string): Browser;
  close(): Promise<void>;
}

export interface Browser {
  cookies: Map<string, string>;
  get(path: string): Promise<Response>;
  /** Posts a form (urlencoded, or multipart when a value is a File). */
  post(path: string, fields: Record<string, string | File | Array<string | File>>): Promise<Response>;
  /** Follows a 303 to the page it names. */
  follow(res: Response): Promise<Response>;
}

export async function startWeb(
  opts: { env?: Record<string, string>; agency?: Record<string, unknown> } = {},
): Promise<WebWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-web-'));
  const agencyPath = join(dir, 'agency.json');
  writeFileSync(agencyPath, JSON.stringify({ ...testAgency, allowAnonymous: true, ...opts.agency }));
  const config = loadConfig({
    DATA_DIR: dir,
    AGENCY_CONFIG: agencyPath,
    STAFF_OPERATORS: 'rina,kabid:supervisor',
    STAFF_TELEGRAM_IDS: '501',
    PUBLIC_URL,
    ...opts.env,
  });
  const app = await createApp(config, { log: silentLogger, nlp: fakeNlp() });
  const web = buildHttpApp(app, { publicUrl: PUBLIC_URL });
  const channel: RunningChannel = startWebChannel(app, web.routes);
  return {
    app,
    web,
    dir,
    browser: (address = '203.0.113.7') => browser(web, address),
    async close() {
      await channel.stop();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function browser(web: HttpApp, address: string): Browser {
  const cookies = new Map<string, string>();
  const info: HttpRequestInfo = { clientAddress: address, secure: false };
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await web.hono.request(`${PUBLIC_URL}${path}`, { ...init, headers }, { info });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (/max-age=0/i.test(line) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
  const b: Browser = {
    cookies,
    get: (path) => send(path),
    post(path, fields) {
      const multipart = Object.values(fields).some((v) => typeof v !== 'string');
      let body: FormData | URLSearchParams;
      if (multipart) {
        const fd = new FormData();
        for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
        body = fd;
      } else body = new URLSearchParams(fields as Record<string, string>);
      return send(path, { method: 'POST', body, headers: { origin: PUBLIC_URL } });
    },
    async follow(res) {
      const to = res.headers.get('location');
      if (res.status !== 303 || !to) throw new Error(`expected a 303 redirect, got ${res.status}`);
      return b.get(to.replace(PUBLIC_URL, '').replace(/#.*$/, ''));
    },
  };
  return b;
}

/** The value of a hidden input in a page. */
export function hidden(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m?.[1]) throw new Error(`no hidden field ${name}`);
  return m[1];
}

export const TICKET_IN_PAGE = /<p class="ticket">(ADU-[0-9A-Z]{4}-[0-9A-Z]{4})<\/p>/;

/**
 * Files a complaint on the form and answers the flow's follow-up questions on the tracking page with their first
 * offered choice ("Lewati") until the ticket shows; returns the tracking page and the ticket.
 */
export async function fileComplaint(
  b: Browser,
  fields: Record<string, string | File | Array<string | File>>,
): Promise<{ html: string; ticket: string }> {
  const form = await (await b.get('/')).text();
  const res = await b.post('/lapor', { formulir: hidden(form, 'formulir'), kontak: 'none', ...fields });
  if (res.status !== 303) throw new Error(`the form was refused (${res.status}): ${await res.text()}`);
  return answerUntilTicket(b, await (await b.follow(res)).text());
}

/** Answers the tracking page's questions with their first offered choice until the ticket shows. */
export async function answerUntilTicket(b: Browser, page: string): Promise<{ html: string; ticket: string }> {
  let html = page;
  let res: Response;
  for (let step = 0; step < 5; step++) {
    const ticket = TICKET_IN_PAGE.exec(html)?.[1];
    if (ticket) return { html, ticket };
    const choice = /name="pilihan" value="([^"]+)"/.exec(html)?.[1];
    if (!choice) throw new Error(`no ticket and nothing to answer:\n${html}`);
    res = await b.post('/lacak/balas', {
      _csrf: hidden(html, '_csrf'),
      formulir: hidden(html, 'formulir'),
      pilihan: choice,
    });
    html = await (await b.follow(res)).text();
  }
  throw new Error('no ticket after five answers');
}

/** The private link shown on a tracking page. */
export function privateLink(html: string): string {
  const m = /<p class="linkbox mono">([^<]+)<\/p>/.exec(html);
  if (!m?.[1]) throw new Error('no private link on the page');
  return m[1];
}

/** A browser signed in to the dashboard as `staffId` through a one-time link (as a member would). */
export async function signIn(w: WebWorld, staffId: string, address = '10.0.0.1'): Promise<Browser> {
  const { issueLoginLink } = await import('../../src/http/staff/login-links.js');
  const link = await issueLoginLink(w.app, PUBLIC_URL, staffId);
  if (!link) throw new Error(`${staffId} is not listed`);
  const b = w.browser(address);
  const page = await (await b.get(link.url.replace(PUBLIC_URL, ''))).text();
  const res = await b.post('/staf/masuk', { token: hidden(page, 'token') });
  if (res.status !== 303) throw new Error(`sign-in refused (${res.status})`);
  return b;
}

/** Sends one of the case page's action forms, as the page would. */
export async function act(
  b: Browser,
  ticket: string,
  action: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const page = await (await b.get(`/staf/kasus/${ticket}`)).text();
  const res = await b.post(`/staf/kasus/${ticket}/aksi`, {
    _csrf: hidden(page, '_csrf'),
    nonce: `n${Math.random().toString(36).slice(2)}x`,
    action,
    ...fields,
  });
  if (res.status !== 303) throw new Error(`action ${action} answered ${res.status}: ${await res.text()}`);
  return (await b.follow(res)).text();
}
