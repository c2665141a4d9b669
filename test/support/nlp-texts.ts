// A large, varied set of citizen turns for the fast-path equivalence test: the act corpus (all splits), the dialogue
// set's turns, the slot test sets, NusaX when the public data is present, fresh generated turns, the same with
// personal data written in, and edge cases (emoji, other scripts, full-width and invisible characters, junk).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNusax, loadProjectCorpus, publicDataDir } from '../../nlp/data/datasets.js';
import { freshTurns } from '../../nlp/eval/fresh-turns.js';
import { duplicateKey } from '../../nlp/corpus/format.js';
import { withPersonalData } from '../../nlp/data/personal-data.js';
import { prng } from '../../nlp/model/train-sgd.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const EDGE_CASES = [
  '',
  ' ',
  '???',
  '👍',
  '🙏🙏',
  'ok',
  'ADU-1234-ABCD',
  'adu 1234 abcd gmn?',
  'ÀÉÎ õü ñ',
  '日本語のテキスト',
  'Ｆｕｌｌ　ｗｉｄｔｈ １２３ ＠',
  'x'.repeat(5000),
  'wkwkwk',
  'hahaha',
  'bagussss bgtt',
  'mantaaappp 👏👏 tapi tagihan naik 3x lipat',
  'nge-lag terus',
  'bolong2 dalane',
  'hati2 ya -- - -x-',
  'TAGIHAN SAYA SALAH!!!',
  'sy bisa dihubungi di 0812 3456 7890 a.n. Siti',
  'email sy budi@example.com',
  'www.bapenda.go.id/pbb error',
  '\u0000\u0007abc\u200b',
  'café naïve résumé İstanbul',
  "it's “quoted” ‘text’ `tick`",
  'rp 1.500.000,00 tgl 12/03/2024 jam 10:30',
  '\n\n\t',
  'udh ga bocor lagi',
  'gak jadi deh',
  'eh jadi deh min, lanjut aja',
  'di Jl. Sudirman no.5, kec. Kuranji; (depan kantor) "loket 3"…',
  'jl.Sudirman kel.Kuranji',
  ':) :( <3 T_T -_-',
  'di\u00a0loket\u3000tiga\u2028jl.\u202fSudirman\ufeff no.5\u2000rt\u200a3',
  '\u1680di\u205fkantor\u2029camat\u000bkel.\u000cKuranji\rjam 9\u0085lalu\u200bdi\u180epasar',
];

/** Random strings over ASCII, punctuation and the whole Unicode range, deterministic for a seed. */
function junk(n: number, rand: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const len = 1 + Math.floor(rand() * 40);
    for (let j = 0; j < len; j++) {
      const k = rand();
      s +=
        k < 0.55
          ? String.fromCharCode(97 + Math.floor(rand() * 26))
          : k < 0.7
            ? ' '
            : k < 0.85
              ? String.fromCharCode(32 + Math.floor(rand() * 95))
              : String.fromCodePoint(0xa0 + Math.floor(rand() * 0x1ff00));
    }
    out.push(s);
  }
  return out;
}

/** The texts, deterministic; `fresh` generated turns on top of the fixed sets. */
export function equivalenceTexts(fresh = 3000): string[] {
  const texts: string[] = [];
  for (const split of ['train', 'dev', 'test'] as const) for (const d of loadProjectCorpus(split)) texts.push(d.text);
  const dialogues = join(ROOT, 'test/dialogues/set');
  for (const f of readdirSync(dialogues)) {
    for (const line of readFileSync(join(dialogues, f), 'utf8').split('\n'))
      if (line.startsWith('> ')) texts.push(line.slice(2));
  }
  const slots = join(ROOT, 'nlp/slots/testdata');
  for (const f of readdirSync(slots).filter((f) => f.endsWith('.tsv'))) {
    for (const line of readFileSync(join(slots, f), 'utf8').split('\n')) {
      if (line && !line.startsWith('#')) texts.push(line.split('\t')[0] ?? '');
    }
  }
  if (existsSync(join(publicDataDir(), 'nusax-senti-indonesian')))
    for (const d of loadNusax('test')) texts.push(d.text);
  const rand = prng(11);
  texts.push(...freshTurns(fresh, new Set(texts.map(duplicateKey)), 31));
  const base = texts.slice();
  for (let i = 0; i < 1000; i++) texts.push(withPersonalData(base[Math.floor(rand() * base.length)] ?? '', rand));
  texts.push(...EDGE_CASES, ...junk(1000, rand));
  return texts;
}
