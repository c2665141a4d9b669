// Erasure on a citizen's request (UU 27/2022 PDP, issue 11 item 5): the citizen asks in the chat, staff confirm with
// /hapusdata ya through the staff pipeline, and afterwards no table or column of the SQLite file holds any of the
// citizen's identifiers (their Telegram id, name, phone, NIK, e-mail), while the case figures stay for statistics.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { dumpSqlite } from '../support/sqlite-dump.js';
import { sqliteRepeatStorage } from '../../src/store/sqlite/repeat-storage.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { facetsOf, repeatTerms } from '../../nlp/repeat/features.js';

const TICKET = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/;
const SULASTRI = { senderId: '7712345601', chatId: '7712345601', senderName: 'Sulastri Wibowo' };
const OTHER = { senderId: '7799900011', chatId: '7799900011', senderName: 'Joko Prasetyo' };
const NIK = '3171044509880003';
const PHONE = '081398765432';
const EMAIL = 'sulastri.w@contoh.co.id';
/** Every form the citizen's identifiers could be kept in. */
const TRACES = [NIK, PHONE, '6281398765432', '81398765432', EMAIL, 'sulastri', 'wibowo', SULASTRI.senderId];

const tracesIn = (dump: string) => TRACES.filter((t) => dump.includes(t.toLowerCase()));

async function fileComplaint(h: Harness, who: typeof SULASTRI, text: string): Promise<string> {
  await h.say('/start', who);
  let replies = await h.say(`/lapor ${text}`, who);
  for (let i = 0; i < 4 && !TICKET.test(replies.map((r) => r.text).join('\n')); i++)
    replies = await h.say('lewati', who);
  return TICKET.exec(replies.map((r) => r.text).join('\n'))![0];
}

describe('erasing a citizen who asked in the chat', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it('leaves none of their identifiers in any table once staff confirm, and keeps the figures', async () => {
    h = await startHarness();
    const file = join(h.dir, 'aduan.sqlite');
    const ticket = await fileComplaint(
      h,
      SULASTRI,
      `Tagihan PBB saya naik dua kali lipat di kantor Bapenda. NIK ${NIK}, hp ${PHONE}, email ${EMAIL}`,
    );
    const other = await fileComplaint(h, OTHER, 'Antrian loket Bapenda lama sekali, hp saya 081311112222');
    // The repeat index kept in the store holds the complaint as `serve` indexes it (this harness reads with a fake).
    const words = repeatTerms((await h.app.store.getCase(ticket))!.text);
    const index = sqliteRepeatStorage((h.app.store as SqliteStore).database, true);
    index.addDoc({ ticket, citizenKey: `telegram:${SULASTRI.senderId}`, terms: words, facets: facetsOf(words) });
    await h.staff('rina', ticket, `/catatan Bu Sulastri Wibowo, NIK ${NIK}, minta ditelepon ke ${PHONE}`);
    await h.staff('rina', ticket, 'Bu Sulastri, tagihan Anda sedang kami periksa.');
    await h.say(`baik pak, hubungi saya di ${PHONE} atau ${EMAIL}`, SULASTRI);
    const before = (await h.app.store.getCase(ticket))!;
    // The dump finds them while they are there (the WhatsApp form of the number is never written on Telegram).
    const present = tracesIn(dumpSqlite(file));
    expect(present).toEqual(TRACES.filter((t) => t !== '6281398765432'));

    const asked = await h.say('tolong hapus data saya', SULASTRI);
    const request = TICKET.exec(asked.map((r) => r.text).join('\n'))![0];
    expect(asked.map((r) => r.text).join('\n')).toMatch(/penghapusan data pribadi/);
    expect(await h.app.store.getCase(request)).toMatchObject({ request: 'erasure', stage: 'recorded' });

    // Without the confirming word nothing is erased: staff are told what it does and how to confirm.
    const bare = await h.staff('rina', request, '/hapusdata');
    expect(bare.map((r) => r.text).join('\n')).toMatch(/\/hapusdata ya/);
    expect(tracesIn(dumpSqlite(file))).toEqual(present);

    const sentBefore = h.sent.length;
    const done = await h.staff('rina', request, '/hapusdata ya');
    expect(done.map((r) => r.text).join('\n')).toMatch(/data pribadi warga dihapus/);
    expect(tracesIn(dumpSqlite(file))).toEqual([]);
    // Nothing more is written to the citizen: their chat went with their data.
    expect(h.sent.slice(sentBefore).filter((m) => m.channel === 'telegram')).toEqual([]);

    const after = (await h.app.store.getCase(ticket))!;
    expect(after).toMatchObject({
      kind: before.kind,
      stage: before.stage,
      division: before.division,
      createdAt: before.createdAt,
      topic: before.topic,
      text: '[dihapus]',
      anonymised: { why: 'erasure' },
    });
    expect(after.citizen.userId).toMatch(/^dihapus-[0-9a-f]{12}$/);
    expect(await h.app.store.getCase(request)).toMatchObject({ stage: 'closed', resolution: 'answered' });
    // Both of their cases now have one stand-in, so "how many citizens" still counts them once.
    expect((await h.app.store.getCase(request))!.citizen.userId).toBe(after.citizen.userId);
    expect((await h.app.store.getEvents(ticket)).map((e) => e.action)).toContain('personal data erased');
    expect(await h.app.store.getContact(`telegram:${SULASTRI.senderId}`)).toBeNull();
    expect(await h.app.store.getConversation(`telegram:${SULASTRI.senderId}`)).toBeNull();
    expect(index.citizenDocs(`telegram:${SULASTRI.senderId}`, 10)).toEqual([]);

    // Another citizen's records are untouched.
    expect(dumpSqlite(file)).toContain('081311112222');
    expect((await h.app.store.getCase(other))!.citizen.userId).toBe(OTHER.senderId);
  });

  it('refuses a second erasure and any message to an erased citizen, changing nothing', async () => {
    h = await startHarness();
    const ticket = await fileComplaint(h, SULASTRI, `Pelayanan loket Bapenda lambat, hp saya ${PHONE}`);
    await h.staff('rina', ticket, '/hapusdata ya');
    const erased = (await h.app.store.getCase(ticket))!;
    const again = await h.staff('rina', ticket, '/hapusdata ya');
    expect(again.map((r) => r.text).join('\n')).toMatch(/sudah dihapus/);
    const relay = await h.staff('rina', ticket, 'Bu, masalahnya sudah kami selesaikan');
    expect(relay.map((r) => r.text).join('\n')).toMatch(/tidak dapat dihubungi/);
    const now = (await h.app.store.getCase(ticket))!;
    expect({ ...now, version: 0 }).toEqual({ ...erased, version: 0 });
  });

  it('lets someone who is not listed as staff erase nothing', async () => {
    h = await startHarness();
    const ticket = await fileComplaint(h, SULASTRI, `Tagihan PBB salah, NIK ${NIK}`);
    const r = await h.staff('mallory', ticket, '/hapusdata ya');
    expect(r.map((x) => x.text).join('\n')).toMatch(/tidak terdaftar/);
    expect((await h.app.store.getCase(ticket))!.text).toContain(NIK);
  });
});
