// The web's records (src/store/web-port.ts) as every store adapter must keep them: tracking tokens found only by
// their hash, a conversation that keeps a message sent twice once, sign-in links used once, sessions that expire.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { StoreBundle } from '../../src/store/port.js';
import type { WebStore } from '../../src/store/web-port.js';

export interface WebHarness {
  open(): Promise<Pick<StoreBundle, 'store' | 'web'>>;
  cleanup?(): Promise<void>;
}

export function webStoreContract(name: string, harness: WebHarness): void {
  describe(`web records contract: ${name}`, () => {
    let web: WebStore;
    beforeEach(async () => {
      const bundle = await harness.open();
      web = bundle.web;
      return async () => {
        await bundle.store.close();
      };
    });
    afterAll(async () => {
      await harness.cleanup?.();
    });

    it('finds a web citizen by key and by token hash, and a replaced token no longer finds them', async () => {
      await web.saveWebCitizen({
        key: 'web:abc',
        tokenHash: 'hash-1',
        contact: { kind: 'whatsapp', value: '6281234567890' },
        anonymous: true,
        createdAt: 5,
      });
      const saved = {
        key: 'web:abc',
        tokenHash: 'hash-1',
        contact: { kind: 'whatsapp', value: '6281234567890' },
        anonymous: true,
        createdAt: 5,
      };
      expect(await web.getWebCitizen('web:abc')).toEqual(saved);
      expect(await web.webCitizenByToken('hash-1')).toEqual(saved);
      expect(await web.webCitizenByToken('hash-2')).toBeNull();
      await web.setWebToken('web:abc', 'hash-2');
      expect(await web.webCitizenByToken('hash-1')).toBeNull();
      expect((await web.webCitizenByToken('hash-2'))?.key).toBe('web:abc');
      await web.saveWebCitizen({ key: 'web:def', tokenHash: 'hash-3', anonymous: false, createdAt: 6 });
      expect(await web.getWebCitizen('web:def')).toEqual({
        key: 'web:def',
        tokenHash: 'hash-3',
        anonymous: false,
        createdAt: 6,
      });
    });

    it("keeps a citizen's conversation in order, the last ones when asked for fewer, and a message id once", async () => {
      const add = (at: number, text: string, id?: string) =>
        web.addWebMessage({ citizenKey: 'web:a', at, from: id ? 'citizen' : 'service', text, ...(id ? { id } : {}) });
      expect(await add(1, 'satu', 'f1')).toBe(true);
      expect(await add(2, 'dua')).toBe(true);
      expect(await add(3, 'satu lagi', 'f1')).toBe(false);
      expect(await add(4, 'tiga', 'f2')).toBe(true);
      await web.addWebMessage({
        citizenKey: 'web:b',
        at: 5,
        from: 'service',
        text: 'lain',
        choices: [{ id: 'skip', label: 'Lewati' }],
      });
      expect((await web.listWebMessages('web:a', 10)).map((m) => m.text)).toEqual(['satu', 'dua', 'tiga']);
      expect((await web.listWebMessages('web:a', 2)).map((m) => m.text)).toEqual(['dua', 'tiga']);
      expect(await web.listWebMessages('web:b', 10)).toEqual([
        { citizenKey: 'web:b', at: 5, from: 'service', text: 'lain', choices: [{ id: 'skip', label: 'Lewati' }] },
      ]);
    });

    it('uses a sign-in link once, and never after it expired', async () => {
      await web.saveLoginLink({ tokenHash: 'l1', staffId: '501', name: 'Rina', expiresAt: 100 });
      await web.saveLoginLink({ tokenHash: 'l2', staffId: '501', name: 'Rina', expiresAt: 100 });
      expect(await web.useLoginLink('l1', 50)).toEqual({
        tokenHash: 'l1',
        staffId: '501',
        name: 'Rina',
        expiresAt: 100,
      });
      expect(await web.useLoginLink('l1', 50)).toBeNull();
      expect(await web.useLoginLink('l2', 100)).toBeNull();
      expect(await web.useLoginLink('nope', 1)).toBeNull();
    });

    it('gives a session until it expires or is deleted, and purges what expired', async () => {
      const s = { idHash: 's1', staffId: 'kabid', name: 'Kabid', csrf: 'c', createdAt: 1, expiresAt: 100 };
      await web.saveSession(s);
      await web.saveSession({ ...s, idHash: 's2', expiresAt: 1000 });
      await web.saveLoginLink({ tokenHash: 'l3', staffId: '501', name: 'Rina', expiresAt: 100 });
      expect(await web.getSession('s1', 99)).toEqual(s);
      expect(await web.getSession('s1', 100)).toBeNull();
      expect(await web.purgeExpiredWeb(100)).toBe(2);
      expect(await web.getSession('s2', 100)).not.toBeNull();
      await web.deleteSession('s2');
      expect(await web.getSession('s2', 100)).toBeNull();
    });
  });
}
