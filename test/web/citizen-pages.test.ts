// The citizens' pages in-process (app.request): filing on the form, the flow's questions answered on the page, the
// private link exchanged for a cookie, what a refused form leaves behind (nothing), uploads kept privately, and the
// safety of a public page (headers, escaping, other people's links, rate limits, cross-site posts).
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerUntilTicket,
  fileComplaint,
  hidden,
  privateLink,
  PUBLIC_URL,
  startWeb,
  TICKET_IN_PAGE,
  type WebWorld,
} from './support.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const COMPLAINT = 'Jalan depan kantor kelurahan berlubang besar sudah 2 minggu, motor saya hampir jatuh';

let w: WebWorld;
beforeAll(async () => {
  w = await startWeb({ env: { WEB_FORM_PER_HOUR: '3' } });
});
afterAll(async () => {
  await w.close();
});

describe('the complaint form', () => {
  it('is a page with labelled fields, the agency name and the safety headers, and no script at all', async () => {
    const res = await w.browser().get('/');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Badan Pendapatan Daerah Kota Uji');
    for (const id of ['pesan', 'lokasi', 'waktu', 'berkas', 'kontak_isi']) expect(html).toContain(`<label for="${id}"`);
    expect(html).not.toMatch(/<script|style="/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('files a complaint: the page asks what is missing, then shows the ticket and a private link', async () => {
    const b = w.browser('198.51.100.1');
    const { html, ticket } = await fileComplaint(b, { pesan: COMPLAINT });
    const c = await w.app.store.getCase(ticket);
    expect(c).toMatchObject({ kind: 'complaint', stage: 'forwarded', citizen: { channel: 'web' } });
    expect(html).toContain(COMPLAINT);
    // The link is the only way in: a fresh browser opens it, and is sent to the clean address.
    const link = privateLink(html);
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/lacak/[A-Za-z0-9_-]{43}$`));
    const other = w.browser('198.51.100.2');
    const opened = await other.get(link.replace(PUBLIC_URL, ''));
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/lacak');
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const page = await (await other.follow(opened)).text();
    expect(TICKET_IN_PAGE.exec(page)?.[1]).toBe(ticket);
    // Only the token's hash is stored.
    const token = link.split('/').pop()!;
    const citizen = await w.app.web.getWebCitizen(`web:${c!.citizen.userId}`);
    expect(citizen?.tokenHash).not.toContain(token);
  });

  it('takes the place and time from their own fields: the flow does not ask for them again', async () => {
    const b = w.browser('198.51.100.11');
    const form = await (await b.get('/')).text();
    const res = await b.post('/lapor', {
      formulir: hidden(form, 'formulir'),
      pesan: 'Tagihan PBB saya naik dua kali lipat tanpa penjelasan yang jelas',
      lokasi: 'Pasar Raya Padang blok C',
      waktu: 'tiga hari lalu',
      kontak: 'none',
    });
    const page = await (await b.follow(res)).text();
    expect(page).not.toContain('Di mana kejadiannya');
    expect(page).not.toContain('Sejak kapan');
    const { ticket } = await answerUntilTicket(b, page);
    expect((await w.app.store.getCase(ticket))?.details).toMatchObject({
      where: 'Pasar Raya Padang blok C',
      since: 'tiga hari lalu',
    });
  });

  it('refuses a form with problems, names each one, keeps what was typed, and stores nothing', async () => {
    const b = w.browser('198.51.100.3');
    const form = await (await b.get('/')).text();
    const res = await b.post('/lapor', {
      formulir: hidden(form, 'formulir'),
      pesan: '   ',
      lokasi: 'Pasar Raya',
      kontak: 'whatsapp',
      kontak_isi: '12ab',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Isi pengaduan belum ditulis.');
    expect(html).toContain('Nomor WhatsApp tidak terbaca');
    expect(html).toContain('value="Pasar Raya"');
    expect(b.cookies.has('aduan_lacak')).toBe(false);
    expect(await w.app.store.listUnhandledInbound(10)).toEqual([]);
  });

  it('keeps a photo privately (0600, type from its bytes) and refuses a file that only calls itself a photo', async () => {
    const b = w.browser('198.51.100.4');
    const form = await (await b.get('/')).text();
    const fake = new File([Buffer.from('MZ this is a program')], 'foto.jpg', { type: 'image/jpeg' });
    const refused = await b.post('/lapor', { formulir: hidden(form, 'formulir'), pesan: COMPLAINT, berkas: fake });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('foto.jpg: hanya foto (JPG, PNG, WebP, HEIC) atau PDF.');
    const photo = new File([PNG], 'lubang.png', { type: 'application/octet-stream' });
    const { ticket } = await fileComplaint(b, { pesan: COMPLAINT, berkas: photo });
    const c = await w.app.store.getCase(ticket);
    expect(c?.attachments).toEqual([
      expect.objectContaining({ kind: 'photo', mime: 'image/png', name: 'lubang.png', size: PNG.length }),
    ]);
    const files = readdirSync(join(w.dir, 'uploads'));
    expect(files).toContain(c!.attachments[0]!.fileId!.slice(4));
    for (const f of files) expect(statSync(join(w.dir, 'uploads', f)).mode & 0o777).toBe(0o600);
    expect(statSync(join(w.dir, 'uploads')).mode & 0o777).toBe(0o700);
    // Never served to the public.
    expect((await b.get(`/uploads/${files[0]}`)).status).toBe(404);
  });

  it('escapes what citizens write: a script tag is shown as text', async () => {
    const b = w.browser('198.51.100.5');
    const { html } = await fileComplaint(b, {
      pesan: `${COMPLAINT} <script>alert("x")</script> <img src=x onerror=alert(1)>`,
    });
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
  });

  it("shows nothing for another citizen's token, a made-up token or a guessed ticket", async () => {
    const b = w.browser('198.51.100.6');
    const { ticket } = await fileComplaint(b, { pesan: COMPLAINT });
    const stranger = w.browser('198.51.100.7');
    for (const path of [`/lacak/${ticket}`, `/lacak/${'A'.repeat(43)}`, '/lacak/..%2Fstaf']) {
      const res = await stranger.get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html).not.toContain(ticket);
      expect(html).not.toContain('Jalan depan');
    }
    const page = await (await stranger.get('/lacak')).text();
    expect(page).not.toContain(ticket);
    expect(page).toContain('Nomor tiket saja tidak dapat membuka pengaduan');
  });

  it('takes a form sent twice (the back button, a double tap) as one complaint', async () => {
    const b = w.browser('198.51.100.8');
    const form = await (await b.get('/')).text();
    const fields = { formulir: hidden(form, 'formulir'), pesan: `${COMPLAINT} di Jl. Ahmad Yani 5`, kontak: 'none' };
    expect((await b.post('/lapor', fields)).status).toBe(303);
    expect((await b.post('/lapor', fields)).status).toBe(303);
    const { html } = await answerUntilTicket(b, await (await b.get('/lacak')).text());
    expect(html.match(/Jl\. Ahmad Yani 5/g)?.length).toBe(1);
    expect(await w.app.store.listCases({ search: 'ahmad yani 5', limit: 10 })).toHaveLength(1);
  });

  it('refuses a post from another site and a tracking post without the form token', async () => {
    const b = w.browser('198.51.100.9');
    const { html } = await fileComplaint(b, { pesan: COMPLAINT });
    const res = await w.web.hono.request(
      `${PUBLIC_URL}/lacak/balas`,
      {
        method: 'POST',
        headers: { origin: 'https://evil.example', cookie: `aduan_lacak=${b.cookies.get('aduan_lacak')}` },
        body: new URLSearchParams({ _csrf: hidden(html, '_csrf'), teks: 'halo' }),
      },
      { info: { clientAddress: '198.51.100.9', secure: false } },
    );
    expect(res.status).toBe(403);
    const noToken = await b.post('/lacak/balas', { teks: 'halo', formulir: hidden(html, 'formulir') });
    expect(noToken.status).toBe(403);
  });

  it('limits how many forms one address may send, and not the next address', async () => {
    const b = w.browser('192.0.2.50');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const form = await (await b.get('/')).text();
      statuses.push((await b.post('/lapor', { formulir: hidden(form, 'formulir'), pesan: '' })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
    const form = await (await w.browser('192.0.2.51').get('/')).text();
    expect(form).toContain('formulir');
  });

  it('sends a new link to the WhatsApp number given (once it wrote to us), and answers the same to anyone else', async () => {
    const sent: Array<{ chatId: string; text: string }> = [];
    w.app.dispatcher.register({ channel: 'whatsapp', send: async (m) => void sent.push(m) });
    const b = w.browser('198.51.100.12');
    const { html, ticket } = await fileComplaint(b, {
      pesan: COMPLAINT,
      kontak: 'whatsapp',
      kontak_isi: '0813 1111 2222',
    });
    const oldLink = privateLink(html).replace(PUBLIC_URL, '');
    let n = 0;
    const ask = async (tiket: string, whatsapp: string) => {
      const res = await w.browser(`198.51.100.${100 + ++n}`).post('/tautan', { tiket, whatsapp });
      expect(res.status).toBe(200);
      return res.text();
    };
    // The number never wrote to the agency's WhatsApp: nothing is sent (Aduan never writes first there).
    const before = await ask(ticket, '081311112222');
    expect(sent).toEqual([]);
    await w.app.store.commit({
      contacts: [
        {
          key: 'whatsapp:6281311112222@c.us',
          channel: 'whatsapp',
          userId: '6281311112222@c.us',
          chatId: '6281311112222@c.us',
          wroteAt: w.app.now(),
        },
      ],
    });
    // A wrong number or a wrong ticket: the same answer, nothing sent.
    expect(await ask(ticket, '081399998888')).toBe(before);
    expect(await ask('ADU-0000-0000', '081311112222')).toBe(before);
    expect(sent).toEqual([]);
    expect(await ask(ticket, '+62 813-1111-2222')).toBe(before);
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.chatId).toBe('6281311112222@c.us');
    const fresh = /(\/lacak\/[A-Za-z0-9_-]{43})/.exec(sent[0]!.text)?.[1];
    expect(fresh).toBeDefined();
    expect((await w.browser().get(oldLink)).status).toBe(404);
    expect((await w.browser().get(fresh!)).status).toBe(303);
  });

  it('speaks English when asked, and remembers it', async () => {
    const b = w.browser('198.51.100.10');
    const switched = await b.get('/?lang=en');
    expect(switched.status).toBe(303);
    const html = await (await b.follow(switched)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Submit a complaint');
  });
});
