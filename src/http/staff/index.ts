// The staff dashboard under /staf: passwordless sign-in (a one-time link), the inbox, a case with its actions, the
// digest, attachments of web cases. Every action goes through the one staff pipeline as a message of the 'web'
// surface, so roles and stages are checked by the same staff flow as the Telegram topic and the terminal.
import { Hono } from 'hono';
import type { App } from '../../app.js';
import type { StaffMessage, StaffReply } from '../../domain/staff.js';
import { TICKET_PATTERN } from '../../domain/ticket.js';
import { localUploads } from '../../store/uploads.js';
import { h, type Html } from '../pages/html.js';
import { page } from '../pages/layout.js';
import { rateLimit } from '../rate-limit.js';
import { requestInfo } from '../security.js';
import { hashToken, isTokenShaped } from '../tokens.js';
import { commandFrom } from './actions.js';
import { caseBody, loadCase } from './case-page.js';
import { digestBody, PERIODS } from './digest-page.js';
import { exportForm, exportResponse, readExport } from './export-page.js';
import type { WorkClock } from '../../domain/work-time.js';
import { FlashBook } from './flash.js';
import { inboxBody, inboxCases, readFilters } from './inbox.js';
import { endSession, requireStaff, startSession, type SignedIn, type StaffEnv } from './session.js';

export interface DashboardOptions {
  publicUrl: string;
  secure: (info: { secure: boolean }) => boolean;
  timeZone?: string;
  /** How the export counts stage times (office minutes in `serve`; plain minutes otherwise). */
  clock?: WorkClock;
}

export function staffDashboard(app: App, opts: DashboardOptions): Hono<StaffEnv> {
  const r = new Hono<StaffEnv>();
  const sessions = { secure: opts.secure, hours: app.config.WEB_SESSION_HOURS };
  const flash = new FlashBook();
  const uploads = localUploads(app.config.dataDir);
  const signIns = rateLimit(10, 60_000);
  const frame = (title: string, body: Html, signed?: SignedIn) =>
    page({
      title,
      lang: 'id',
      agency: app.agency,
      home: '/staf',
      service: 'Dasbor Petugas Pengaduan',
      wide: true,
      body,
      ...(signed
        ? {
            nav: h`<a href="/staf">Kotak masuk</a><a href="/staf/ringkasan">Ringkasan</a><a href="/staf/ekspor">Ekspor</a><form method="post" action="/staf/keluar"><input type="hidden" name="_csrf" value="${signed.session.csrf}"><button type="submit" title="Keluar">Keluar (${signed.actor.name})</button></form>`,
          }
        : {}),
    });

  r.get('/masuk', (c) =>
    c.html(
      frame(
        'Masuk',
        h`<h1>Masuk ke dasbor petugas</h1><div class="card"><p>Dasbor ini tanpa kata sandi. Minta tautan masuk sekali pakai (berlaku 15 menit):</p>
<ul><li>ketik <span class="mono">/web</span> di grup petugas atau di chat pribadi dengan bot petugas: tautannya dikirim lewat chat pribadi; atau</li>
<li>di server: <span class="mono">./bin/aduan staff login-link --as &lt;id&gt;</span></li></ul>
<p class="muted">Hanya petugas yang terdaftar (STAFF_TELEGRAM_IDS, SUPERVISOR_TELEGRAM_IDS, STAFF_OPERATORS) yang dapat masuk.</p></div>`,
      ),
    ),
  );
  r.get('/masuk/:token', (c) => {
    const token = c.req.param('token');
    if (!isTokenShaped(token)) return c.html(frame('Tautan tidak berlaku', badLink()), 404);
    // One press before the link is used: a chat app's link preview opens it too, and must not use it up.
    return c.html(
      frame(
        'Masuk',
        h`<h1>Masuk ke dasbor petugas</h1><div class="card"><form method="post" action="/staf/masuk"><input type="hidden" name="token" value="${token}">
<p>Tautan ini hanya dapat dipakai sekali. Tekan tombol untuk masuk.</p><button type="submit">Masuk</button></form></div>`,
      ),
    );
  });
  r.post('/masuk', async (c) => {
    const info = requestInfo(c.env);
    if (!signIns.take(info.clientAddress)) return c.html(frame('Terlalu sering', tooOften()), 429);
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token : '';
    const link = isTokenShaped(token) ? await app.web.useLoginLink(hashToken(token), app.now()) : null;
    const actor = link ? app.staff.actorFor('web', { id: link.staffId, name: link.name }) : null;
    if (!link || !actor) return c.html(frame('Tautan tidak berlaku', badLink()), 400);
    await startSession(c, app, sessions, { staffId: link.staffId, name: actor.name });
    app.log.info('staff signed in to the dashboard', { staff: actor.id });
    return c.redirect('/staf', 303);
  });

  r.use('*', requireStaff(app, sessions));
  // While the store cannot write, an action could not be kept: say so instead of failing.
  r.use('*', async (c, next) => {
    if (c.req.method === 'GET' || app.storage.ok) return next();
    return c.text(
      'Penyimpanan sedang tidak dapat menulis (penuh atau hanya-baca). Tidak ada yang diubah; coba lagi nanti.',
      503,
    );
  });
  r.post('/keluar', async (c) => {
    await endSession(c, app, sessions);
    return c.html(frame('Keluar', h`<h1>Anda sudah keluar</h1><p><a href="/staf/masuk">Masuk lagi</a></p>`));
  });
  r.get('/', async (c) => {
    const signed = c.get('staff');
    const filters = readFilters((k) => c.req.query(k));
    const view = await inboxCases(app, filters);
    return c.html(frame('Kotak masuk', inboxBody(app, filters, view, signed.actor.kind), signed));
  });
  r.get('/ringkasan', async (c) => {
    const asked = Number(c.req.query('hari'));
    const days = (PERIODS as readonly number[]).includes(asked) ? asked : 30;
    return c.html(frame('Ringkasan', await digestBody(app, days, opts.timeZone ?? 'Asia/Jakarta'), c.get('staff')));
  });
  const tz = opts.timeZone ?? 'Asia/Jakarta';
  r.get('/ekspor', (c) => c.html(frame('Ekspor', exportForm(app, c.get('staff').actor, tz), c.get('staff'))));
  r.get('/ekspor/unduh', (c) => {
    const signed = c.get('staff');
    const req = readExport((k) => c.req.query(k), signed.actor, tz);
    if (typeof req === 'string') return c.html(frame('Ekspor', exportForm(app, signed.actor, tz, req), signed), 400);
    return exportResponse(app, req, signed.actor, { timeZone: tz, ...(opts.clock ? { clock: opts.clock } : {}) });
  });
  r.get('/kasus/:ticket', async (c) => {
    const signed = c.get('staff');
    const ticket = c.req.param('ticket').toUpperCase();
    const found = TICKET_PATTERN.test(ticket) ? await app.store.getCase(ticket) : null;
    if (!found)
      return c.html(
        frame('Tidak ditemukan', h`<h1>Kasus tidak ditemukan</h1><p><a href="/staf">Kotak masuk</a></p>`, signed),
        404,
      );
    const view = await loadCase(app, found, flash.take(signed.session.idHash));
    return c.html(frame(found.ticket, caseBody(app, view, signed.actor, signed.session.csrf), signed));
  });
  const act = async (
    ticket: string,
    signed: SignedIn,
    form: Record<string, unknown>,
    what: { text: string; choice?: string },
  ) => {
    const nonce = typeof form.nonce === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(form.nonce) ? form.nonce : null;
    const msg: StaffMessage = {
      surface: 'web',
      // The form's own id: a form sent twice (a double click, the back button) is one action.
      messageId: `${signed.session.idHash.slice(0, 12)}:${nonce ?? Math.random().toString(36).slice(2)}`,
      sender: { id: signed.session.staffId, name: signed.actor.name },
      ticket,
      text: what.text,
      ...(what.choice !== undefined ? { choice: what.choice } : {}),
      attachments: [],
      sentAt: app.now(),
    };
    const received = await app.inbound.receive(msg);
    const shown: StaffReply[] = received.duplicate
      ? [{ kind: 'notice', text: 'Formulir ini sudah terkirim sebelumnya; tidak diproses dua kali.' }]
      : received.shown;
    flash.put(signed.session.idHash, shown);
  };
  r.post('/kasus/:ticket/aksi', async (c) => {
    const ticket = c.req.param('ticket').toUpperCase();
    if (!TICKET_PATTERN.test(ticket)) return c.notFound();
    const form = await c.req.parseBody();
    const text = commandFrom(form, app.agency);
    if (text === null) return c.text('Tindakan tidak dikenal.', 400);
    await act(ticket, c.get('staff'), form, { text });
    return c.redirect(`/staf/kasus/${ticket}#hasil`, 303);
  });
  r.post('/kasus/:ticket/pilih', async (c) => {
    const ticket = c.req.param('ticket').toUpperCase();
    if (!TICKET_PATTERN.test(ticket)) return c.notFound();
    const form = await c.req.parseBody();
    const choice = typeof form.choice === 'string' ? form.choice.slice(0, 64) : '';
    await act(ticket, c.get('staff'), form, { text: '', choice });
    return c.redirect(`/staf/kasus/${ticket}#hasil`, 303);
  });
  r.get('/lampiran/:ticket/:n', async (c) => {
    const ticket = c.req.param('ticket').toUpperCase();
    const found = TICKET_PATTERN.test(ticket) ? await app.store.getCase(ticket) : null;
    const a = found?.attachments[Number(c.req.param('n'))];
    const bytes = a?.fileId?.startsWith('web:') ? await uploads.read(a.fileId.slice(4)) : null;
    if (!a || !bytes) return c.notFound();
    const name = (a.name ?? 'lampiran').replace(/[^\w.-]+/g, '_').slice(0, 80);
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    c.header('Content-Type', a.mime ?? 'application/octet-stream');
    return c.body(new Uint8Array(bytes));
  });
  return r;
}

function badLink(): Html {
  return h`<h1>Tautan tidak berlaku</h1><div class="card"><p>Tautan masuk ini sudah dipakai, sudah kedaluwarsa, atau tidak dikenal.</p>
<p>Minta tautan baru dengan <span class="mono">/web</span> di bot petugas. <a href="/staf/masuk">Cara masuk</a></p></div>`;
}

function tooOften(): Html {
  return h`<h1>Terlalu sering</h1><p>Tunggu sebentar, lalu coba lagi.</p>`;
}
