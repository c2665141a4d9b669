// Outbound text for WhatsApp: offered choices become numbered lines the citizen answers with a number (the flows
// accept the number or the word), e.g. "1. Puas\n2. Belum puas\nBalas dengan angka (1-2)."
import type { Language } from '../../src/domain/case.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { answerHint } from './texts.js';

/** The text to send for `m`, in the citizen's language (for the hint line). */
export function renderWhatsAppText(m: Pick<OutboundMessage, 'text' | 'choices'>, lang: Language): string {
  const choices = m.choices ?? [];
  if (choices.length === 0) return m.text;
  const lines = choices.map((c, i) => `${i + 1}. ${c.label}`);
  return `${m.text}\n\n${lines.join('\n')}\n${answerHint(choices.length, lang)}`;
}
