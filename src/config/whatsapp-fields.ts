// The WhatsApp channel's own settings, validated with the rest of the configuration (src/config/config.ts): a wrong
// value stops start-up like any other, instead of failing only the channel later. bots/whatsapp/settings.ts turns
// them into the channel's settings.
import { z } from 'zod';

const intIn = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? String(fallback) : v))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number))
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`)
    .prefault(String(fallback));

export const whatsappFields = {
  WHATSAPP_MAX_PER_MINUTE: intIn(1, 120, 20),
  WHATSAPP_JITTER_MS: intIn(0, 10_000, 1500),
  WHATSAPP_SESSION_DIR: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
};
