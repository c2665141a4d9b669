// What staff write to a citizen reaches them as meant: an edited relay goes out as a correction, an edit of anything
// else changes nothing and says so, and staff photos and documents reach the citizen with their caption. Real bots
// against the fake Bot API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCall, FakeUpload } from '../support/fake-telegram/server.js';
import { groupMessage } from '../support/fake-telegram/updates.js';
import { CITIZEN_TOKEN, GROUP, STAFF, STAFF_TOKEN, startWorld, type World } from './world.js';

const CITIZEN = { id: 7601, first_name: 'Dewi' };

describe('staff messages relayed to the citizen', () => {
  let w: World;
  let ticket = '';
  let topic = 0;
  beforeAll(async () => {
    w = await startWorld();
    ticket = await w.fileComplaint(CITIZEN);
    topic = await w.topicOf(ticket);
  });
  afterAll(async () => {
    await w?.close();
  });
  const toCitizen = (c: FakeCall) =>
    c.token === CITIZEN_TOKEN && c.status === 200 && Number(c.params.chat_id) === CITIZEN.id;
  const edited = (sent: Record<string, unknown>, text: string) => ({
    edited_message: {
      ...(sent.message as Record<string, unknown>),
      text,
      edit_date: Math.floor(Date.now() / 1000) + 5,
    },
  });

  it('sends an edit of a relayed message to the citizen as a correction, once', async () => {
    const first = groupMessage(GROUP, STAFF, 'Bu Dewi, tagihan Anda akan dikoreksi hari Senin.', { topicId: topic });
    let from = w.fake.calls.length;
    w.pushStaff(first);
    await w.fake.waitFor((c) => toCitizen(c) && String(c.params.text).includes('hari Senin'), {
      from,
      what: 'the relay',
    });
    from = w.fake.calls.length;
    w.pushStaff(edited(first, 'Bu Dewi, tagihan Anda akan dikoreksi hari Selasa.'));
    const correction = await w.fake.waitFor((c) => toCitizen(c) && String(c.params.text).includes('hari Selasa'), {
      from,
      what: 'the correction',
    });
    expect(String(correction.params.text)).toContain('Koreksi: Bu Dewi, tagihan Anda akan dikoreksi hari Selasa.');
    expect(String(correction.params.text)).toContain(w.app.agency.signature);
    await w.drained(STAFF_TOKEN);
    await w.until(async () => (await w.app.store.countOutbox('pending')) === 0 || null, 'delivered');
    expect(w.fake.calls.slice(from).filter((c) => toCitizen(c) && c.method === 'sendMessage')).toHaveLength(1);
    const events = await w.app.store.getEvents(ticket);
    expect(events.filter((e) => e.action === 'reply to citizen').map((e) => e.detail)).toContain(
      'Koreksi: Bu Dewi, tagihan Anda akan dikoreksi hari Selasa.',
    );
  });

  it('changes nothing for an edit of a command, and says why in the topic', async () => {
    const note = groupMessage(GROUP, STAFF, '/catatan warga minta ditelepon', { topicId: topic });
    w.pushStaff(note);
    await w.until(async () => (await w.app.store.getCase(ticket))?.privateNotes.length || null, 'the note');
    const from = w.fake.calls.length;
    w.pushStaff(edited(note, '/catatan warga minta ditelepon sore'));
    const told = await w.fake.waitFor(
      (c) =>
        c.token === STAFF_TOKEN && c.params.message_thread_id === topic && String(c.params.text).includes('suntingan'),
      { from, what: 'the refusal' },
    );
    expect(String(told.params.text)).toMatch(/kirim perintahnya lagi/);
    expect((await w.app.store.getCase(ticket))?.privateNotes.map((n) => n.text)).toEqual(['warga minta ditelepon']);
    expect(w.fake.calls.slice(from).filter(toCitizen)).toEqual([]);
  });

  it('sends a staff photo with its caption to the citizen, the bytes as the staff sent them', async () => {
    const bytes = Buffer.from('\xff\xd8\xff\xe0 foto SPPT baru', 'latin1');
    w.fake.addFile('staff-photo-1', bytes);
    const from = w.fake.calls.length;
    w.pushStaff(
      groupMessage(GROUP, STAFF, undefined, {
        topicId: topic,
        extra: {
          caption: 'Ini SPPT baru Ibu, nilainya sudah benar.',
          photo: [
            { file_id: 'staff-photo-small', file_unique_id: 's', width: 90, height: 90, file_size: 10 },
            { file_id: 'staff-photo-1', file_unique_id: 'b', width: 800, height: 800, file_size: bytes.length },
          ],
        },
      }),
    );
    const sent = await w.fake.waitFor((c) => toCitizen(c) && c.method === 'sendPhoto', { from, what: 'the photo' });
    expect(String(sent.params.caption)).toContain('Ini SPPT baru Ibu, nilainya sudah benar.');
    expect(String(sent.params.caption)).toContain(w.app.agency.signature);
    const upload = sent.params.photo as FakeUpload;
    expect(Buffer.from(upload.base64, 'base64')).toEqual(bytes);
    const events = await w.app.store.getEvents(ticket);
    expect(events.at(-1)?.detail).toBe('Ini SPPT baru Ibu, nilainya sudah benar. [lampiran: foto]');
  });

  it('sends a staff document without words to the citizen, and refuses a voice note with the reason', async () => {
    const pdf = Buffer.from('%PDF-1.4 surat keputusan');
    w.fake.addFile('staff-doc-1', pdf);
    let from = w.fake.calls.length;
    w.pushStaff(
      groupMessage(GROUP, STAFF, undefined, {
        topicId: topic,
        extra: {
          document: {
            file_id: 'staff-doc-1',
            file_unique_id: 'd',
            file_name: 'SK-keberatan.pdf',
            mime_type: 'application/pdf',
            file_size: pdf.length,
          },
        },
      }),
    );
    const sent = await w.fake.waitFor((c) => toCitizen(c) && c.method === 'sendDocument', {
      from,
      what: 'the document',
    });
    const upload = sent.params.document as FakeUpload;
    expect(upload.file).toBe('SK-keberatan.pdf');
    expect(Buffer.from(upload.base64, 'base64')).toEqual(pdf);
    from = w.fake.calls.length;
    w.pushStaff(
      groupMessage(GROUP, STAFF, undefined, {
        topicId: topic,
        extra: { voice: { file_id: 'v1', file_unique_id: 'v', duration: 3 } },
      }),
    );
    const told = await w.fake.waitFor(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.params.message_thread_id === topic &&
        String(c.params.text).includes('pesan suara'),
      { from, what: 'the refusal' },
    );
    expect(String(told.params.text)).toMatch(/Tidak ada yang dikirim/);
    expect(w.fake.calls.slice(from).filter(toCitizen)).toEqual([]);
  });
});
