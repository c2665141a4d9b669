// Builders for test data: a complaint case and inbound messages with sensible defaults.
import type { CaseRecord } from '../../src/domain/case.js';
import type { InboundMessage } from '../../src/domain/messages.js';
import { newTicket } from '../../src/domain/ticket.js';

export function makeCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const now = overrides.createdAt ?? Date.UTC(2026, 10, 2, 2, 0, 0);
  return {
    ticket: newTicket(),
    kind: 'complaint',
    citizen: { channel: 'telegram', userId: '1001', chatId: '1001', language: 'id' },
    text: 'Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan',
    details: { where: 'Kantor Bapenda', since: '2 minggu' },
    attachments: [],
    classification: { label: 'complaint', confidence: 0.93, modelVersion: 'test' },
    topic: 'tagihan pbb',
    division: 'pbb-p2',
    flags: [],
    stage: 'recorded',
    stageTimes: { recorded: { enteredAt: now, dueAt: now + 3_600_000 } },
    dueAt: now + 3_600_000,
    reviewNotes: [],
    privateNotes: [],
    ptp: [],
    satisfaction: [],
    reopenCount: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}

let seq = 0;
export function makeInbound(overrides: Partial<InboundMessage> = {}): InboundMessage {
  seq += 1;
  return {
    channel: 'telegram',
    messageId: `m-${Date.now()}-${seq}`,
    senderId: '1001',
    chatId: '1001',
    text: 'halo',
    attachments: [],
    sentAt: Date.UTC(2026, 10, 2, 2, 0, 0),
    ...overrides,
  };
}
