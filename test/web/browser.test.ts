// The web in a real browser (playwright-core driving the system Chromium, headless): a citizen files a complaint on a
// phone-sized screen with JavaScript off; staff sign in with one-time links and walk the case to "inform"; the citizen
// answers "Belum puas" with a reason on the tracking page and the case is back at root cause, the reopen visible on
// the dashboard; another citizen's link and a guessed ticket show nothing; a script tag in a complaint is text.
// Screenshots go to a temporary folder (ADUAN_SCREENSHOTS=<dir> keeps them elsewhere, e.g. docs/screenshots).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { issueLoginLink } from '../../src/http/staff/login-links.js';
import { startWebChannel } from '../../bots/web/index.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import { fakeNlp, testAgency } from '../support/fake-nlp.js';

const CHROMIUM =
  process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)
    ? process.env.CHROMIUM_PATH
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
const PHONE = { width: 360, height: 740 };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const COMPLAINT =
  'Tagihan PBB rumah saya naik dua kali lipat padahal tidak ada perubahan bangunan <script>alert("x")</script>';

if (!CHROMIUM) {
  console.warn(
    '[browser tests] SKIPPED: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or CHROMIUM_PATH)',
  );
  describe('the web in a real browser', () => {
    it.skip('SKIPPED: Chromium is not installed here (apt-get install -y chromium)', () => {});
  });
} else {
  describe('the web in a real browser', () => {
    let dir: string;
    let shots: string;
    let app: App;
    let http: HttpServer;
    let channel: RunningChannel;
    let browser: Browser;
    let base: string;
    const problems: string[] = [];
    let citizen: BrowserContext;
    let phone: Page;
    let ticket = '';
    let link = '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'aduan-browser-'));
      shots = process.env.ADUAN_SCREENSHOTS ?? join(dir, 'screenshots');
      mkdirSync(shots, { recursive: true });
      writeFileSync(join(dir, 'agency.json'), JSON.stringify({ ...testAgency, allowAnonymous: true }));
      const config = loadConfig({
        DATA_DIR: dir,
        AGENCY_CONFIG: join(dir, 'agency.json'),
        STAFF_OPERATORS: 'rina,kabid:supervisor',
        HTTP_PORT: '0',
      });
      app = await createApp(config, { log: silentLogger, nlp: fakeNlp() });
      http = await startHttpServer(app, { port: 0, host: '127.0.0.1', trustProxy: false });
      channel = startWebChannel(app, http.routes);
      base = http.routes.publicUrl;
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      // No JavaScript on the citizen's phone: every page must work without it.
      citizen = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: 'id-ID' });
      phone = await watched(citizen);
    });
    afterAll(async () => {
      await browser?.close();
      await channel?.stop();
      await http?.close();
      await app?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** A page whose console errors (a content security policy violation, a failed load) fail the test. */
    async function watched(ctx: BrowserContext): Promise<Page> {
      const page = await ctx.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('dialog', (d) => {
        problems.push(`a dialog opened: ${d.message()}`);
        void d.dismiss();
      });
      return page;
    }
    const shot = (page: Page, name: string, fullPage = true) =>
      page.screenshot({ path: join(shots, `${name}.png`), fullPage });

    async function signIn(staffId: string): Promise<Page> {
      const issued = await issueLoginLink(app, base, staffId);
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
      const page = await watched(ctx);
      await page.goto(issued!.url);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL(`${base}/staf`);
      return page;
    }
    /** Opens an action on the case page, fills its fields, sends it. */
    async function act(page: Page, label: string, fields: Record<string, string> = {}) {
      const summary = page.locator('summary', { hasText: label });
      if (await summary.count()) {
        await summary.click();
        const form = page.locator('details[open] form');
        for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).fill(value);
        await form.getByRole('button', { name: label }).click();
      } else {
        await page.getByRole('button', { name: label, exact: true }).click();
      }
      await page.waitForLoadState('load');
    }

    it('a citizen files a complaint on a phone, without JavaScript, and gets a ticket and a private link', async () => {
      await phone.goto(`${base}/`);
      await expect
        .poll(() => phone.evaluate<number>('document.documentElement.scrollWidth'))
        .toBeLessThanOrEqual(PHONE.width);
      await shot(phone, '1-form-phone');
      await phone.getByLabel('Isi pengaduan').fill(COMPLAINT);
      await phone.getByLabel('Lokasi (tidak wajib)').fill('Jl. Sudirman 12, Padang');
      await phone.getByLabel('Waktu kejadian (tidak wajib)').fill('sejak bulan lalu');
      await phone.getByLabel('Foto atau dokumen pendukung (tidak wajib)').setInputFiles({
        name: 'tagihan.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await phone.getByLabel('WhatsApp', { exact: true }).check();
      await phone.getByLabel(/Nomor WhatsApp/).fill('0812 3456 7890');
      await phone.getByRole('button', { name: 'Kirim pengaduan' }).click();
      await phone.waitForURL(`${base}/lacak`);
      // The flow asks on the page for what is missing; each question is answered with its first choice.
      for (let i = 0; i < 5 && !(await phone.locator('p.ticket').count()); i++) {
        await phone.locator('button[name="pilihan"]').first().click();
        await phone.waitForLoadState('load');
      }
      ticket = (await phone.locator('p.ticket').textContent()) ?? '';
      expect(ticket).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      link = (await phone.locator('.linkbox').textContent()) ?? '';
      expect(link).toMatch(new RegExp(`^${base}/lacak/[A-Za-z0-9_-]{43}$`));
      // What the citizen wrote is text, not markup: the script tag shows, and nothing ran.
      await expect
        .poll(() => phone.locator('.msg.citizen').first().textContent())
        .toContain('<script>alert("x")</script>');
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await shot(phone, '2-tracking-phone');
      expect((await app.store.getCase(ticket))?.citizen.channel).toBe('web');
    });

    it('staff sign in with one-time links, take the case and walk it to "inform"', async () => {
      const rina = await signIn('rina');
      await expect(rina.getByRole('link', { name: ticket })).toBeDefined();
      await shot(rina, '3-dashboard-inbox', false);
      await rina.getByRole('link', { name: ticket }).click();
      await rina.waitForURL(`${base}/staf/kasus/${ticket}`);
      // A citizen's markup is text on the dashboard too.
      expect(await rina.locator('dd').filter({ hasText: 'alert' }).first().textContent()).toContain('<script>');
      await act(rina, 'Ambil');
      await act(rina, 'Telaah', { text: 'Berkas dan riwayat tagihan sudah dicek' });
      await act(rina, 'Akar masalah', { text: 'Luas bangunan salah input saat pemutakhiran data' });
      await act(rina, 'PTP', {
        corrective: 'Koreksi luas bangunan di SISMIOP',
        owner: 'Kasubid Pendataan',
        due: '3 hari',
      });
      await act(rina, 'Mulai kerjakan');
      await act(rina, 'Selesai dikerjakan', { text: 'Luas sudah dikoreksi' });
      // Verification is the supervisors': a staff member is not offered it (the server refuses it too, see
      // dashboard.test.ts).
      expect(await rina.getByRole('button', { name: 'Setujui (supervisor)' }).count()).toBe(0);
      expect((await app.store.getCase(ticket))?.stage).toBe('verifying');
      const kabid = await signIn('kabid');
      await kabid.goto(`${base}/staf/kasus/${ticket}`);
      await act(kabid, 'Setujui (supervisor)', { text: 'Sesuai' });
      await act(kabid, 'Sampaikan ke warga', { text: 'Tagihan PBB Anda sudah dikoreksi. Silakan cek tagihan baru.' });
      expect((await app.store.getCase(ticket))?.stage).toBe('awaiting_confirmation');
      await shot(kabid, '4-dashboard-case');
    });

    it('the citizen answers "Belum puas" with a reason, and the case is back at root cause, reopen on the dashboard', async () => {
      await phone.goto(`${base}/lacak`);
      await expect.poll(() => phone.locator('.msg.service').last().textContent()).toContain('sudah dikoreksi');
      await phone.getByRole('radio', { name: 'Belum puas' }).check();
      await phone.getByLabel(/Jika belum puas/).fill('Tagihan baru masih sama besarnya');
      await shot(phone, '5-confirm-phone');
      await phone.getByRole('button', { name: 'Kirim jawaban' }).click();
      await phone.waitForLoadState('load');
      const c = await app.store.getCase(ticket);
      expect(c?.stage).toBe('root_cause');
      expect(c?.reopenCount).toBe(1);
      expect(c?.ptp.at(-1)?.reopenReason).toBe('Tagihan baru masih sama besarnya');
      await shot(phone, '6-reopened-phone');
      const kabid = await signIn('kabid');
      await kabid.goto(`${base}/staf?dibuka=1`);
      const row = kabid.locator('tr', { hasText: ticket });
      expect(await row.textContent()).toContain('dibuka ulang 1×');
      await row.getByRole('link', { name: ticket }).click();
      expect(await kabid.locator('#ptp').locator('..').textContent()).toContain('Tagihan baru masih sama besarnya');
      await shot(kabid, '7-dashboard-reopened');
      await shot(kabid, '8-dashboard-reopened-top', false);
    });

    it("another citizen's link and a guessed ticket show nothing", async () => {
      const stranger = await watched(await browser.newContext({ viewport: PHONE }));
      for (const path of [`/lacak/${ticket}`, `/lacak/${'x'.repeat(43)}`]) {
        const res = await stranger.goto(`${base}${path}`);
        expect(res?.status()).toBe(404);
        expect(await stranger.content()).not.toContain(ticket);
      }
      await stranger.goto(`${base}/lacak`);
      expect(await stranger.content()).not.toContain(ticket);
      // The real link opens it, and the address bar is left without the token.
      await stranger.goto(link);
      expect(stranger.url()).toBe(`${base}/lacak`);
      expect(await stranger.locator('p.ticket').textContent()).toBe(ticket);
    });

    it('loaded every page without a console error or a policy violation', () => {
      // The 404 pages of the previous test log their status; nothing else may.
      expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    });
  });
}
