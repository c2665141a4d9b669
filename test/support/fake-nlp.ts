// A deterministic stand-in for text understanding in flow tests: keyword labels, word-overlap repeats.
// It lets flow tests say exactly which label a message gets; the real model is tested in test/nlp.
import type { Agency } from '../../src/domain/agency.js';
import type { Classification, RepeatCandidate, RepeatIndex, TextUnderstanding } from '../../nlp/types.js';
import { interimFaq, interimUnderstanding } from '../../nlp/understand-interim.js';

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
    understand: (text) => interimUnderstanding(nlp.classify(text), text),
    answerFaq: (text, language) => interimFaq(testAgency, text, language),
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
