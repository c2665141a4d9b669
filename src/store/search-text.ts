// What staff search (`/cari`, `cases list --search`) matches against: ticket, text, details and topic, lowercased.
import type { CaseRecord } from '../domain/case.js';

export function caseSearchText(c: CaseRecord): string {
  return [c.ticket, c.text, c.details.what, c.details.where, c.details.since, c.topic, c.division]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}
