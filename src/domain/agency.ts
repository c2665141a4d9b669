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

/**
 * Facts the service itself knows, written in FAQ answers as placeholders and filled when the answer is sent, from
 * the same settings the clocks use: {officeHours} from OFFICE_HOURS, {holidays} (the next public holidays) from
 * PUBLIC_HOLIDAYS. Any other {word} in an answer is refused at start-up, so a placeholder never reaches a citizen.
 */
export const FAQ_PLACEHOLDERS = ['officeHours', 'holidays'] as const;

const answerText = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    for (const m of text.matchAll(/\{([^{}]*)\}/g))
      if (!(FAQ_PLACEHOLDERS as readonly string[]).includes(m[1] ?? ''))
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {${m[1]}} (known: ${FAQ_PLACEHOLDERS.join(', ')})`,
        });
  });

/** One FAQ entry. The retriever reads its example questions, keywords and answers (nlp/faq). */
export const faqEntrySchema = z.object({
  /** A short stable name ("office-hours"), used by the FAQ evaluation sets and in logs. */
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  keywords: z.array(z.string().min(1)).min(1),
  /** Questions citizens ask that this entry answers, as they write them (slang, English too): the retriever's examples. */
  questions: z.array(z.string().min(1)).optional(),
  answerId: answerText,
  answerEn: answerText,
});

export type FaqEntry = z.infer<typeof faqEntrySchema>;

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
  /**
   * The division that handles integrity reports (bribery, illegal levies, brokers) whatever service they name: a
   * bribe asked at the online-payment desk is a conduct matter, not a payment one. Unset: routed like any complaint.
   */
  integrityDivision: z.string().min(1).optional(),
  /** The web form may offer "keep my identity from staff" (LAPOR!'s anonim): staff then never see the contact. */
  allowAnonymous: z.boolean().optional(),
  faq: z.array(faqEntrySchema).default([]),
  /**
   * The agency's own wording for some of the bot's texts, by text key (flows/texts.ts), in Indonesian and English;
   * `{name}` placeholders are filled as in the built-in text. A council asks where, not for a tax object's address.
   */
  texts: z
    .record(z.string(), z.object({ id: z.string().min(1).optional(), en: z.string().min(1).optional() }))
    .optional(),
  /**
   * A citizen dissatisfied with a case they withdrew: 'reopen' it at the root cause, or 'link' a new complaint to it
   * (default). Archived cases are always linked: archiving (SOP step 14) is final.
   */
  withdrawnDispute: z.enum(['reopen', 'link']).optional(),
});

export type Division = z.infer<typeof divisionSchema>;
export type Agency = z.infer<typeof agencySchema>;
