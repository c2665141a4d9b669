// What the staff flow answered an action (its acknowledgement, a refusal, a question with choices), shown once on the
// page the browser is sent to after the form (post / redirect / get). Kept in memory for a minute per session: on
// another instance the page simply shows the case as it now is.
import type { StaffReply } from '../../domain/staff.js';

const TTL_MS = 60_000;

export class FlashBook {
  private readonly items = new Map<string, { replies: StaffReply[]; at: number }>();

  put(sessionHash: string, replies: StaffReply[], now = Date.now()): void {
    for (const [k, v] of this.items) if (now - v.at > TTL_MS) this.items.delete(k);
    this.items.set(sessionHash, { replies, at: now });
  }

  take(sessionHash: string, now = Date.now()): StaffReply[] {
    const v = this.items.get(sessionHash);
    this.items.delete(sessionHash);
    return v && now - v.at <= TTL_MS ? v.replies : [];
  }
}
