// Offered choices as an inline keyboard: short answers (ratings) side by side, longer ones one per row.
import type { InlineKeyboardButton } from 'grammy/types';
import type { Choice } from '../../src/domain/messages.js';

const MAX_DATA_BYTES = 64;

/** Buttons whose callback data is the choice id; a choice whose id cannot be callback data is left out. */
export function choiceKeyboard(choices: Choice[]): InlineKeyboardButton[][] {
  const usable = choices.filter((c) => Buffer.byteLength(c.id, 'utf8') <= MAX_DATA_BYTES && c.id.length > 0);
  const buttons = usable.map((c) => ({ text: c.label.slice(0, 64) || c.id, callback_data: c.id }));
  const short = buttons.filter((b) => b.text.length <= 3);
  if (short.length >= 3) {
    const long = buttons.filter((b) => b.text.length > 3);
    return [short, ...long.map((b) => [b])];
  }
  return buttons.map((b) => [b]);
}
