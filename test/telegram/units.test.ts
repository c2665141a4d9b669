// The small pure parts of the Telegram adapters: splitting long texts, reading odd updates, and mapping API
// failures. (Staff button data and due dates are the staff flow's: test/flows/staff-flow.test.ts.)
import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { splitText } from '../../bots/telegram/split-text.js';
import { toDeliveryError } from '../../bots/telegram/delivery-errors.js';
import { readStaffUpdate } from '../../bots/telegram-staff/read-update.js';
import { readCitizenUpdate } from '../../bots/telegram-citizen/to-inbound.js';

describe('splitting long replies', () => {
  it('keeps a short text whole', () => {
    expect(splitText('halo')).toEqual(['halo']);
  });

  it('cuts at word breaks, never inside a word, and loses no word', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `kata${i}`);
    const parts = splitText(words.join(' '));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join(' ').split(' ')).toEqual(words);
  });

  it('never splits an emoji or a surrogate pair, even in a text without spaces', () => {
    const text = '😀'.repeat(3000) + '👩‍👩‍👧‍👦'.repeat(100);
    const parts = splitText(text);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(/^[\uDC00-\uDFFF]/.test(p)).toBe(false);
      expect(/[\uD800-\uDBFF]$/.test(p)).toBe(false);
      expect(p.startsWith('\u200D')).toBe(false);
    }
    expect(parts.join('')).toBe(text);
  });

  it('prefers paragraph breaks', () => {
    const a = 'a '.repeat(1000).trim();
    const parts = splitText(`${a}\n\n${a}\n\n${a}`);
    expect(parts).toEqual([`${a}\n\n${a}`, a]);
  });
});

describe('reading updates', () => {
  it('citizen: photos become evidence by file id and size, the largest size kept', () => {
    const read = readCitizenUpdate({
      update_id: 1,
      message: {
        message_id: 9,
        date: 1,
        chat: { id: 5, type: 'private', first_name: 'A' },
        from: { id: 5, is_bot: false, first_name: 'A' },
        caption: 'foto loket',
        photo: [
          { file_id: 'small', file_unique_id: 's', width: 90, height: 90, file_size: 1000 },
          { file_id: 'big', file_unique_id: 'b', width: 1280, height: 1280, file_size: 90_000 },
        ],
      },
    } as Update);
    expect(read).toMatchObject({
      kind: 'message',
      inbound: {
        messageId: '5:9',
        senderId: '5',
        text: 'foto loket',
        attachments: [{ kind: 'photo', fileId: 'big', size: 90_000 }],
      },
    });
  });

  it('citizen: a location is evidence too; a bot sender is ignored', () => {
    const base = { message_id: 1, date: 1, chat: { id: 5, type: 'private' as const, first_name: 'A' } };
    expect(
      readCitizenUpdate({
        update_id: 2,
        message: {
          ...base,
          from: { id: 5, is_bot: false, first_name: 'A' },
          location: { latitude: -0.95, longitude: 100.35 },
        },
      } as Update),
    ).toMatchObject({
      inbound: { attachments: [{ kind: 'location', latitude: -0.95, longitude: 100.35 }] },
    });
    expect(
      readCitizenUpdate({
        update_id: 3,
        message: { ...base, from: { id: 6, is_bot: true, first_name: 'B' }, text: 'x' },
      } as Update).kind,
    ).toBe('ignore');
  });

  it('staff: any shape of JSON is read without throwing', () => {
    for (const raw of [
      null,
      1,
      'x',
      [],
      {},
      { update_id: 1 },
      { update_id: 2, message: null },
      { update_id: 3, message: { chat: 'x' } },
      { update_id: 4, callback_query: { id: 5 } },
    ]) {
      expect(() => readStaffUpdate(raw)).not.toThrow();
    }
    expect(
      readStaffUpdate({
        update_id: 9,
        message: {
          message_id: 1,
          chat: { id: -1, type: 'supergroup' },
          from: { id: 7, first_name: 'R' },
          text: 'hai',
          is_topic_message: true,
          message_thread_id: 44,
        },
      }),
    ).toMatchObject({ kind: 'message', topicId: 44, text: 'hai' });
  });
});

describe('mapping Bot API failures for the outbox', () => {
  it('429 waits for retry_after, 5xx and network retry, 403 is permanent and marks the recipient', () => {
    expect(toDeliveryError({ code: 429, retryAfterSec: 7 })).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expect(toDeliveryError({ code: 502 })).toMatchObject({ kind: 'retry' });
    expect(toDeliveryError({ description: 'ECONNRESET' })).toMatchObject({ kind: 'retry' });
    expect(toDeliveryError({ code: 403 })).toMatchObject({ kind: 'permanent', recipientUnreachable: true });
    expect(toDeliveryError({ code: 400, description: 'Bad Request: chat not found' })).toMatchObject({
      kind: 'permanent',
      recipientUnreachable: true,
    });
  });
});
