// Greetings and courtesy closings ("assalamualaikum, ...", "..., terima kasih") wrap complaints, questions and
// praise alike. When a message has other content, these words are features of their own ("closing thanks") rather
// than the same words as "terima kasih" said for good service, so a complaint ending in thanks is not read as praise.

const OPENERS: readonly (readonly string[])[] = [
  ['assalamualaikum', 'wr', 'wb'],
  ['assalamualaikum'],
  ['selamat', 'pagi'],
  ['selamat', 'siang'],
  ['selamat', 'sore'],
  ['selamat', 'malam'],
  ['dengan', 'hormat'],
  ['mohon', 'maaf'],
  ['izin', 'bertanya'],
  ['ijin', 'bertanya'],
  ['good', 'morning'],
  ['good', 'afternoon'],
  ['halo'],
  ['permisi'],
  ['maaf'],
  ['pagi'],
  ['siang'],
  ['sore'],
  ['malam'],
  ['yth'],
  ['kepada', 'yth'],
  ['bapak', 'ibu'],
  ['min'],
  ['pak'],
  ['bu'],
  ['kak'],
  ['mas'],
  ['mbak'],
  ['bapenda'],
  ['dear'],
];

const CLOSERS: readonly (readonly string[])[] = [
  ['terima', 'kasih', 'atas', 'perhatiannya'],
  ['terima', 'kasih', 'atas', 'perhatian', 'dan', 'kerja', 'samanya'],
  ['terima', 'kasih', 'banyak'],
  ['terima', 'kasih'],
  ['mohon', 'bantuannya'],
  ['mohon', 'solusinya'],
  ['mohon', 'infonya'],
  ['wassalam'],
  ['wassalamualaikum'],
  ['thank', 'you'],
  ['min'],
  ['pak'],
  ['bu'],
  ['kak'],
  ['emopray'],
];

function matchAt(words: readonly string[], at: number, pattern: readonly string[]): boolean {
  return pattern.every((p, i) => words[at + i] === p);
}

/**
 * Marks the leading greeting and trailing courtesy words of a message. Only marks when at least two other words
 * remain, so "terima kasih min" on its own stays praise and "selamat pagi" on its own stays a greeting.
 */
export function formulaMask(words: readonly string[]): boolean[] {
  const mask = new Array<boolean>(words.length).fill(false);
  let start = 0;
  for (let guard = 0; guard < 4; guard++) {
    const p = OPENERS.find((o) => matchAt(words, start, o));
    if (!p) break;
    start += p.length;
  }
  let end = words.length;
  for (let guard = 0; guard < 4; guard++) {
    const p = CLOSERS.find((c) => end - c.length >= start && matchAt(words, end - c.length, c));
    if (!p) break;
    end -= p.length;
  }
  if (end - start < 2) return mask;
  for (let i = 0; i < start; i++) mask[i] = true;
  for (let i = end; i < words.length; i++) mask[i] = true;
  return mask;
}
