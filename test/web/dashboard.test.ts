// The staff dashboard in-process: passwordless sign-in with a one-time link, sessions and their form tokens, actions
// that go through the one staff pipeline (roles checked by the staff flow), contacts as each role may see them,
// citizens' words escaped, the /web command's link, and the export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLoginLink } from '../../src/http/staff/login-links.js';
import { makeCase } from '../support/fixtures.js';
import { act, fileComplaint, hidden, PUBLIC_URL, signIn, startWeb, type WebWorld } from './support.js';

const COMPLAINT = 'Tagihan PBB saya naik dua kali lipat di kantor Bapenda sejak 2 minggu, tidak ada penjelasan';

let w: WebWorld;
beforeAll(async () => {
  w = await startWeb();
});
afterAll(async () => {
  await w.close();
});

describe('signing in', () => {
  it('sends a stranger to the sign-in page, and a listed member in through a link used once', async () => {
    const stranger = w.browser();
    const res = await stranger.get('/staf');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staf/masuk');
    expect(await issueLoginLink(w.app, PUBLIC_URL, 'mallory')).toBeNull();

    const link = await issueLoginLink(w.app, PUBLIC_URL, 'rina');
    const path = link!.url.replace(PUBLIC_URL, '');
    const b = w.browser();
    // Opening the link (or a chat app's preview of it) does not use it up.
    const preview = await (await w.browser().get(path)).text();
    const page = await (await b.get(path)).text();
    expect(hidden(preview, 'token')).toBe(hidden(page, 'token'));
    const signed = await b.post('/staf/masuk', { token: hidden(page, 'token') });
    expect(signed.status).toBe(303);
    const cookie = signed.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Max-Age=\d+/i);
    expect((await b.get('/staf')).status).toBe(200);
    // Used once: the same link again is refused.
    const again = await w.browser().post('/staf/masuk', { token: hidden(page, 'token') });
    expect(again.status).toBe(400);
  });

  it('signs out: the session is gone on the server, not only in the browser', async () => {
    const b = await signIn(w, 'rina');
    const page = await (await b.get('/staf')).text();
    const session = b.cookies.get('aduan_staf')!;
    expect((await b.post('/staf/keluar', { _csrf: hidden(page, '_csrf') })).status).toBe(200);
    const replay = w.browser();
    replay.cookies.set('aduan_staf', session);
    expect((await replay.get('/staf')).status).toBe(303);
  });

  it('refuses a form without the session token, and changes nothing', async () => {
    const citizen = w.browser('203.0.113.20');
    const { ticket } = await fileComplaint(citizen, { pesan: COMPLAINT });
    const b = await signIn(w, 'rina');
    const res = await b.post(`/staf/kasus/${ticket}/aksi`, { action: 'take', nonce: 'abcdefgh12' });
    expect(res.status).toBe(403);
    expect((await w.app.store.getCase(ticket))?.assignee).toBeUndefined();
  });
});

describe('working a case', () => {
  it('takes the same commands as the topic through the staff pipeline, and the flow checks roles', async () => {
    const citizen = w.browser('203.0.113.21');
    const { ticket } = await fileComplaint(citizen, { pesan: COMPLAINT });
    const rina = await signIn(w, 'rina');
    let page = await act(rina, ticket, 'take');
    expect(page).toContain('<dt>Dipegang</dt><dd>rina</dd>');
    expect((await w.app.store.getCase(ticket))?.assignee).toBe('rina');
    await act(rina, ticket, 'review', { text: 'Sudah dicek berkasnya' });
    await act(rina, ticket, 'root_cause', { text: 'Luas bangunan salah input' });
    await act(rina, ticket, 'ptp', {
      corrective: 'Koreksi luas | bangunan',
      owner: 'Kasubid Pendataan',
      due: '3 hari',
    });
    await act(rina, ticket, 'start');
    await act(rina, ticket, 'done', { text: 'Sudah dikoreksi' });
    expect((await w.app.store.getCase(ticket))?.stage).toBe('verifying');
    // Staff may not verify: the staff flow refuses, and says why on the page.
    page = await act(rina, ticket, 'approve');
    expect(page).toContain('hanya supervisor');
    expect((await w.app.store.getCase(ticket))?.stage).toBe('verifying');
    const kabid = await signIn(w, 'kabid');
    await act(kabid, ticket, 'approve', { text: 'OK' });
    await act(kabid, ticket, 'inform', { text: 'Tagihan sudah dikoreksi, silakan cek kembali.' });
    const c = await w.app.store.getCase(ticket);
    expect(c?.stage).toBe('awaiting_confirmation');
    expect(c?.ptp[0]).toMatchObject({ correctiveAction: 'Koreksi luas / bangunan', owner: 'Kasubid Pendataan' });
    const events = await w.app.store.getEvents(ticket);
    expect(events.filter((e) => e.actor.id === 'operator:rina').map((e) => e.action)).toEqual(
      expect.arrayContaining(['take', 'review', 'root_cause', 'ptp', 'start', 'done']),
    );
    // The citizen's page shows the result and the closure question.
    const track = await (await citizen.get('/lacak')).text();
    expect(track).toContain('Tagihan sudah dikoreksi, silakan cek kembali.');
    expect(track).toContain('name="jawaban" value="not_satisfied"');
  });

  it("shows the citizen's other complaints with their stage and the history in Indonesian", async () => {
    const filed = await fileComplaint(w.browser('203.0.113.23'), { pesan: COMPLAINT });
    const c = (await w.app.store.getCase(filed.ticket))!;
    // The same citizen complained before; that case was closed.
    const before = makeCase({ citizen: c.citizen, stage: 'closed', createdAt: c.createdAt - 86_400_000 });
    await w.app.store.commit({ cases: [{ record: before, expectedVersion: null }] });
    const rina = await signIn(w, 'rina', '10.0.0.9');
    await act(rina, filed.ticket, 'take');
    const page = await (await rina.get(`/staf/kasus/${filed.ticket}`)).text();
    expect(page).toContain(
      `<dt>Aduan lain warga ini</dt><dd><a class="mono" href="/staf/kasus/${before.ticket}">${before.ticket}</a> (selesai)</dd>`,
    );
    expect(page).toContain('diambil petugas');
    expect(page).toContain('diteruskan ke bidang (dicatat → diteruskan ke bidang) — “diarahkan ke Bidang PBB-P2 (skor');
    expect(page).not.toMatch(/· (take|received complaint|forwarded)\b/);
    const earlier = await (await rina.get(`/staf/kasus/${before.ticket}`)).text();
    expect(earlier).toContain(`href="/staf/kasus/${filed.ticket}">${filed.ticket}</a> (diteruskan ke bidang)`);
  });

  it('a form sent twice is one action', async () => {
    const { ticket } = await fileComplaint(w.browser('203.0.113.22'), { pesan: COMPLAINT });
    const b = await signIn(w, 'rina');
    const page = await (await b.get(`/staf/kasus/${ticket}`)).text();
    const fields = { _csrf: hidden(page, '_csrf'), nonce: 'same-form-0001', action: 'note', text: 'Catatan satu' };
    await b.post(`/staf/kasus/${ticket}/aksi`, fields);
    const again = await b.follow(await b.post(`/staf/kasus/${ticket}/aksi`, fields));
    expect(await again.text()).toContain('sudah terkirim sebelumnya');
    expect((await w.app.store.getCase(ticket))?.privateNotes).toHaveLength(1);
  });
});

describe('what each role sees', () => {
  it('masks contacts for staff, shows them to supervisors, and hides an anonymous citizen from both', async () => {
    const named = await fileComplaint(w.browser('203.0.113.30'), {
      pesan: COMPLAINT,
      kontak: 'whatsapp',
      kontak_isi: '0812-3456-7890',
    });
    const anon = await fileComplaint(w.browser('203.0.113.31'), {
      pesan: COMPLAINT,
      kontak: 'email',
      kontak_isi: 'warga.rahasia@contoh.id',
      anonim: '1',
    });
    const rina = await signIn(w, 'rina');
    const kabid = await signIn(w, 'kabid');
    const staffView = await (await rina.get(`/staf/kasus/${named.ticket}`)).text();
    expect(staffView).not.toContain('6281234567890');
    expect(staffView).toMatch(/WhatsApp \*+890/);
    expect(await (await kabid.get(`/staf/kasus/${named.ticket}`)).text()).toContain('6281234567890');
    for (const b of [rina, kabid]) {
      const page = await (await b.get(`/staf/kasus/${anon.ticket}`)).text();
      expect(page).toContain('pelapor anonim');
      expect(page).not.toContain('rahasia@');
    }
  });

  it("shows a citizen's markup as text on the dashboard", async () => {
    const { ticket } = await fileComplaint(w.browser('203.0.113.32'), {
      pesan: `${COMPLAINT} <script>document.title='x'</script><b onclick=alert(1)>tebal</b>`,
    });
    const kabid = await signIn(w, 'kabid');
    for (const path of ['/staf', `/staf/kasus/${ticket}`]) {
      const html = await (await kabid.get(path)).text();
      expect(html, path).toContain('&lt;script&gt;');
      expect(html, path).not.toMatch(/<script|<b onclick/);
    }
  });

  it('names the reading of the message in Indonesian on the case page', async () => {
    const { ticket } = await fileComplaint(w.browser('203.0.113.33'), { pesan: COMPLAINT });
    const kabid = await signIn(w, 'kabid');
    const html = await (await kabid.get(`/staf/kasus/${ticket}`)).text();
    expect(html).toMatch(/<dt>Klasifikasi<\/dt><dd>aduan \(keyakinan model \d+%\)/);
    // What a member reads (the form's option values stay machine words).
    expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(/\b(complaint|praise|statement)\b/);
  });
});

describe('the sign-in link from the staff bot', () => {
  it('/web asks the web surface for a link, which goes to the member privately, never to the group', async () => {
    const toStaff: Array<{ chatId: string; text: string }> = [];
    w.app.dispatcher.register({ channel: 'staff', send: async (m) => void toStaff.push(m) });
    const web = (id: string, name: string, n: number) =>
      w.app.inbound.receive({
        surface: 'telegram',
        messageId: `g-${n}`,
        sender: { id, name },
        replyTo: 'general',
        text: '/web',
        attachments: [],
        sentAt: w.app.now(),
      });
    await web('501', 'Sari', 1);
    await web('777', 'Orang Lain', 2);
    await expect.poll(() => toStaff.filter((m) => m.chatId === 'dm:501').length).toBe(1);
    const dm = toStaff.find((m) => m.chatId === 'dm:501')!;
    const url = /(http:\/\/aduan\.test\/staf\/masuk\/[A-Za-z0-9_-]{43})/.exec(dm.text)?.[1];
    expect(url).toBeDefined();
    expect(
      toStaff
        .filter((m) => m.chatId === 'general')
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain('/staf/masuk/');
    expect(toStaff.some((m) => m.chatId === 'dm:777')).toBe(false);
    // The link signs Sari in.
    const b = w.browser();
    const page = await (await b.get(url!.replace(PUBLIC_URL, ''))).text();
    expect((await b.post('/staf/masuk', { token: hidden(page, 'token') })).status).toBe(303);
    expect(await (await b.get('/staf')).text()).toContain('Keluar (Sari)');
  });
});

describe('the export', () => {
  it('downloads the cases of a period as CSV, contacts masked for staff', async () => {
    await fileComplaint(w.browser('203.0.113.40'), {
      pesan: COMPLAINT,
      kontak: 'whatsapp',
      kontak_isi: '081299998888',
    });
    const rina = await signIn(w, 'rina');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(w.app.now());
    const res = await rina.get(`/staf/ekspor/unduh?dari=${day}&sampai=${day}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="aduan_.*\.csv"/);
    const csv = await res.text();
    expect(csv).toContain('Tagihan PBB saya naik');
    expect(csv).not.toContain('81299998888');
  });
});
