// A deterministic stand-in for text understanding in flow tests: keyword labels and acts, word-overlap repeats.
// It lets flow tests say exactly which label and act a message gets; the real model is tested in test/nlp.
import type { Agency } from '../../src/domain/agency.js';
import {
  DIALOGUE_ACTS,
  familyOf,
  type Classification,
  type DialogueAct,
  type FaqMatch,
  type RepeatCandidate,
  type RepeatIndex,
  type TextUnderstanding,
  type TurnContext,
  type Understanding,
} from '../../nlp/types.js';

/** Keyword rules of the fake act reader, first match wins; otherwise the act follows the fake label. */
const ACT_RULES: ReadonlyArray<[RegExp, DialogueAct]> = [
  [/hapus (data|nomor)|delete my data/, 'erase'],
  [/^(batal|batalin|gak jadi|ga jadi|cancel)\b/, 'cancel'],
  [/tidak puas|gak puas|ga puas|belum beres|ditutup padahal|not satisfied/, 'dissatisfied'],
  [/^(ga ada|gak ada|tidak ada|gak tau|ga tau|lewati|skip)\b/, 'dont_know'],
  [/^(iya|ya|y|betul|benar|sudah|udah|puas|yes)[\s.!]*$/, 'yes'],
  [/^(tidak|gak|ga|nggak|belum|blm|bukan|no)[\s.!]*$/, 'no'],
  [/^(assalamualaikum|halo|hai|selamat (pagi|siang|sore|malam))[\s.!]*$/, 'greeting'],
  [/^(ok|oke|makasih|terima kasih|👍)( (min|ya|makasih))?[\s.!]*$/, 'thanks'],
  [/^(status|gimana aduan)/, 'status'],
  [/^tambahan/, 'add_info'],
  [/^(saran|usul|aspirasi)/, 'suggestion'],
];

const TICKET = /\bADU[-\s]?([0-9A-Z]{4})[-\s]?([0-9A-Z]{4})\b/gi;

/** The fake reading of a turn: a keyword act, the fake label as its family when no rule matches. */
export function fakeUnderstanding(text: string, classification: Classification, _context?: TurnContext): Understanding {
  const s = text.toLowerCase().trim();
  const ruled = ACT_RULES.find(([re]) => re.test(s))?.[1];
  const act: DialogueAct =
    ruled ?? (classification.label === 'statement' && s.includes('?') ? 'question' : classification.label);
  const confidence = ruled ? 0.9 : classification.confidence;
  const scores = Object.fromEntries(DIALOGUE_ACTS.map((a) => [a, a === act ? confidence : 0])) as Record<
    DialogueAct,
    number
  >;
  const label = familyOf(act);
  return {
    act,
    confidence,
    scores,
    classification: label === classification.label ? classification : { ...classification, label, confidence },
    slots: {
      tickets: [...text.matchAll(TICKET)].map((m) => `ADU-${m[1]}-${m[2]}`.toUpperCase()),
      objectNumbers: [],
      amounts: [],
    },
    flags: /pungli|suap|pelicin/.test(s) ? ['integrity'] : [],
    integrity: /pungli|suap|pelicin/.test(s) ? 0.9 : 0.05,
    language: /\b(the|my|is|not|please)\b/.test(s) ? 'en' : 'id',
  };
}

function fakeFaq(agency: Agency, text: string, language: 'id' | 'en'): FaqMatch | null {
  const lower = text.toLowerCase();
  const index = agency.faq.findIndex((f) => f.keywords.some((k) => lower.includes(k.toLowerCase())));
  const f = agency.faq[index];
  if (!f) return null;
  return { index, answer: language === 'en' ? f.answerEn : f.answerId, score: 1 };
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2),
  );
}

export function fakeRepeatIndex(threshold = 0.6): RepeatIndex {
  const docs = new Map<string, { citizenKey: string; words: Set<string> }>();
  return {
    add: (d) => void docs.set(d.ticket, { citizenKey: d.citizenKey, words: words(d.text) }),
    remove: (t) => void docs.delete(t),
    findSimilar(text, citizenKey, limit = 5) {
      const w = words(text);
      const out: RepeatCandidate[] = [];
      for (const [ticket, d] of docs) {
        const inter = [...w].filter((x) => d.words.has(x)).length;
        const sim = inter / Math.max(1, new Set([...w, ...d.words]).size);
        if (sim >= threshold) out.push({ ticket, similarity: sim, sameCitizen: d.citizenKey === citizenKey });
      }
      return out.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
    },
    get size() {
      return docs.size;
    },
  };
}

export function fakeNlp(): TextUnderstanding {
  const nlp: TextUnderstanding = {
    clarifyThreshold: 0.5,
    understand: (text, context) => fakeUnderstanding(text, nlp.classify(text), context),
    answerFaq: (text, language) => fakeFaq(testAgency, text, language),
    classify(text): Classification {
      const s = text.toLowerCase();
      const c = (label: Classification['label'], confidence: number) => ({ label, confidence, modelVersion: 'fake-1' });
      if (/hmm|\?\?\?/.test(s)) return c('statement', 0.3);
      if (/terima kasih|mantap|mantul|bagus|cepat sekali/.test(s)) return c('praise', 0.9);
      if (/jam buka|bagaimana|apa|\?/.test(s)) return c('statement', 0.85);
      if (s.trim() === '') return c('statement', 0.2);
      return c('complaint', 0.9);
    },
    route(text) {
      const s = text.toLowerCase();
      const integrity = /pungli|suap|pelicin/.test(s);
      const division = /pbb/.test(s) ? 'pbb-p2' : /website|aplikasi|online/.test(s) ? 'digital' : 'layanan';
      return { division, confidence: 0.8, topic: division, flags: integrity ? ['integrity'] : [] };
    },
    repeats: fakeRepeatIndex(),
  };
  return nlp;
}

export const testAgency: Agency = {
  id: 'test-agency',
  name: 'Badan Pendapatan Daerah Kota Uji',
  shortName: 'Bapenda Uji',
  signature: '— Petugas Layanan Bapenda Kota Uji',
  defaultDivision: 'layanan',
  divisions: [
    {
      id: 'pbb-p2',
      name: 'Bidang PBB-P2',
      description: 'Pajak bumi dan bangunan',
      examples: ['tagihan pbb'],
      keywords: [],
    },
    {
      id: 'digital',
      name: 'Layanan Digital',
      description: 'Website dan aplikasi',
      examples: ['website error'],
      keywords: [],
    },
    {
      id: 'layanan',
      name: 'Pelayanan dan Perilaku Petugas',
      description: 'Antrian, fasilitas',
      examples: ['antrian panjang'],
      keywords: [],
    },
  ],
  integrityKeywords: ['pungli'],
  faq: [
    {
      keywords: ['jam buka'],
      answerId: 'Kantor buka Senin-Jumat 07.30-16.00 WIB.',
      answerEn: 'The office is open Mon-Fri 07:30-16:00.',
    },
  ],
};
