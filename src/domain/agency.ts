// An agency profile: who the agency is and how its complaints are divided. Loaded from a JSON file
// (AGENCY_CONFIG, default src/config/agencies/bapenda-kota-padang.json) and validated at start-up.
import { z } from 'zod';

export const divisionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Name in Indonesian, as staff and citizens know it. */
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  description: z.string().min(1),
  /** Example phrases citizens write about this division's matters; used by routing. */
  examples: z.array(z.string().min(1)).min(1),
  keywords: z.array(z.string().min(1)).default([]),
});

export const agencySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** Signature appended to staff replies relayed to citizens. */
  signature: z.string().min(1),
  /** Division that receives a case when routing has no confident answer (usually the service unit). */
  defaultDivision: z.string().min(1),
  divisions: z.array(divisionSchema).min(1),
  /** Words that flag a report of extortion or illegal levies for the head of the agency. */
  integrityKeywords: z.array(z.string().min(1)).default([]),
  faq: z
    .array(z.object({ keywords: z.array(z.string().min(1)).min(1), answerId: z.string(), answerEn: z.string() }))
    .default([]),
});

export type Division = z.infer<typeof divisionSchema>;
export type Agency = z.infer<typeof agencySchema>;
