// Writes a generated sentence the way people type in chat: lower case, slang spellings, elongated words, a typo,
// no final punctuation. Applied at random (seeded) so the corpus has formal and informal variants of each frame.

const INFORMAL: Record<string, readonly string[]> = {
  sudah: ['udh', 'udah', 'sdh', 'dah'],
  tidak: ['gak', 'ga', 'nggak', 'tdk', 'gk', 'ndak'],
  belum: ['blm', 'belom', 'blom'],
  banget: ['bgt', 'bngt', 'bangettt'],
  yang: ['yg'],
  dengan: ['dgn', 'dg'],
  saya: ['sy', 'aku', 'gw', 'sya'],
  'terima kasih': ['makasih', 'tks', 'trims', 'thx', 'mksh'],
  bagaimana: ['gimana', 'gmn', 'gmna'],
  untuk: ['utk', 'buat'],
  tolong: ['tlg', 'tolongin'],
  sekarang: ['skrg', 'skrng'],
  karena: ['krn', 'karna'],
  kenapa: ['knp', 'napa'],
  tapi: ['tp', 'tpi'],
  juga: ['jg'],
  lagi: ['lg'],
  saja: ['aja', 'aj'],
  bisa: ['bs', 'bsa'],
  dari: ['dr'],
  berapa: ['brp'],
  kemarin: ['kemaren', 'kmrn'],
  seperti: ['kayak', 'kyk'],
  mantap: ['mantab', 'mantep', 'mantaap'],
  cepat: ['cepet'],
  pembayaran: ['pembayarn', 'pmbayaran'],
  pelayanan: ['pelayanan', 'playanan', 'pelayanannya'],
  aplikasi: ['apk', 'aplikasinya', 'app'],
  website: ['web', 'webnya'],
  petugas: ['petugasnya', 'ptgs'],
};

const KEYS = Object.keys(INFORMAL).sort((a, b) => b.length - a.length);

function pick<T>(rand: () => number, list: readonly T[]): T | undefined {
  return list[Math.floor(rand() * list.length)];
}

/** Returns a chat-style variant of a sentence (or the sentence unchanged), deterministically from `rand`. */
export function augment(text: string, rand: () => number): string {
  let out = text;
  if (rand() < 0.45) {
    for (const key of KEYS) {
      const re = new RegExp(`\\b${key}\\b`, 'gi');
      out = out.replace(re, (m) => (rand() < 0.7 ? (pick(rand, INFORMAL[key] ?? []) ?? m) : m));
    }
  }
  if (rand() < 0.4) out = out.toLowerCase();
  if (rand() < 0.12) {
    const words = out.split(' ');
    const i = Math.floor(rand() * words.length);
    const w = words[i] ?? '';
    if (/^[a-z]{4,}$/i.test(w)) words[i] = w + w.slice(-1).repeat(2 + Math.floor(rand() * 3));
    out = words.join(' ');
  }
  if (rand() < 0.1) {
    const words = out.split(' ');
    const i = Math.floor(rand() * words.length);
    const w = words[i] ?? '';
    if (/^[a-z]{5,}$/i.test(w)) {
      const j = 1 + Math.floor(rand() * (w.length - 2));
      words[i] = w.slice(0, j) + (w[j + 1] ?? '') + (w[j] ?? '') + w.slice(j + 2);
    }
    out = words.join(' ');
  }
  if (rand() < 0.25) out = out.replace(/[.!]+$/, '');
  if (rand() < 0.03) out = out.toUpperCase();
  return out;
}
