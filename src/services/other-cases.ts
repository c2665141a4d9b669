// The citizen's other complaints, shown beside a case on every staff surface (the Telegram card, the dashboard), so an
// officer sees at once that the same person wrote before and what became of it.
import { citizenKey, type CaseRecord } from '../domain/case.js';
import type { CardExtras } from '../domain/case-card.js';
import type { Store } from '../store/port.js';

/**
 * The three newest other complaints of the case's citizen, and whether there are more. Read on every card render
 * (each staff action), so it reads five records, not the citizen's whole history.
 */
export async function otherCasesOf(
  store: Pick<Store, 'listCases'>,
  c: CaseRecord,
): Promise<Pick<CardExtras, 'earlier' | 'earlierTotal'>> {
  const all = await store.listCases({ citizenKey: citizenKey(c.citizen), kind: 'complaint', limit: 5 });
  const others = all.filter((o) => o.ticket !== c.ticket).slice(0, 4);
  return others.length ? { earlier: others.slice(0, 3), ...(others.length > 3 ? { earlierTotal: 4 } : {}) } : {};
}
