// Configuration from the environment (and .env), validated once at start-up. A wrong value stops start-up with a
// message naming the setting; nothing silently falls back to a store that would lose complaints.
import { z } from 'zod';
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_STANDARD_MINUTES, isStage, type Stage } from '../domain/stages.js';
import { whatsappFields } from './whatsapp-fields.js';

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', ''].includes(v), 'must be true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const idList = z
  .string()
  .trim()
  .refine((v) => v === '' || /^-?\d+(\s*,\s*-?\d+)*$/.test(v), 'must be comma-separated numeric ids')
  .transform((v) => (v === '' ? [] : v.split(',').map((s) => s.trim())));

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const intIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const optionalPort = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()
  .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 65535), 'must be a port number (0-65535)')
  .transform((v) => (v === undefined ? undefined : Number(v)));

const standardTimes = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const out: Partial<Record<Stage, number>> = { ...DEFAULT_STANDARD_MINUTES };
    if (v === '') return out;
    for (const part of v.split(',')) {
      const [stage = '', minutes = ''] = part.split('=').map((s) => s.trim());
      if (!isStage(stage) || !/^\d+$/.test(minutes) || Number(minutes) <= 0) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not stage=minutes (e.g. in_progress=300)` });
        return z.NEVER;
      }
      out[stage] = Number(minutes);
    }
    return out;
  });

/** "division:group-id" pairs, each division once, each id a group's (negative). */
const divisionChats = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const out: Array<{ division: string; chatId: string }> = [];
    if (v === '') return out;
    for (const part of v.split(',').map((s) => s.trim())) {
      const m = /^([A-Za-z0-9_.-]{1,64})\s*:\s*(-?\d{1,20})$/.exec(part);
      const problem = !m
        ? `"${part.slice(0, 60)}" bukan bidang:id-grup / is not division:group-id (mis./e.g. pbb-p2:-1001234567890)`
        : !(m[2] ?? '').startsWith('-')
          ? `"${part}": id grup harus negatif (id positif adalah chat pribadi) / a group id is negative (a positive id is a private chat)`
          : out.some((o) => o.division === m[1])
            ? `bidang "${m[1]}" disebut dua kali / division "${m[1]}" is given twice`
            : null;
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      out.push({ division: m?.[1] ?? '', chatId: m?.[2] ?? '' });
    }
    return out;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  MONGODB_URI: optionalText.refine(
    (v) => v === undefined || /^mongodb(\+srv)?:\/\/\S+$/.test(v),
    'must start with mongodb:// or mongodb+srv://',
  ),
  AGENCY_CONFIG: optionalText,
  DEFAULT_LANGUAGE: z.enum(['id', 'en']).default('id'),
  MAX_MESSAGE_CHARS: intIn(100, 100_000).default(4000),
  MAX_ATTACHMENT_MB: intIn(1, 2000).default(20),
  REOPEN_WINDOW_DAYS: intIn(1, 3650).default(60),
  STANDARD_TIMES: standardTimes.prefault(''),
  INSTANCE_ID: optionalText,
  // The one HTTP server (health, Telegram webhooks, the citizens' pages, the staff dashboard). 0: any free port.
  HTTP_PORT: optionalPort,
  HTTP_HOST: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.:-]{1,253}$/, 'must be a host name or an IP address (e.g. 127.0.0.1 or 0.0.0.0)')
    .default('127.0.0.1'),
  PUBLIC_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v),
    'must be an http(s) URL without query, e.g. https://aduan.example.go.id',
  ),
  HTTP_TRUST_PROXY: bool.prefault('false'),
  WEB_FORM_PER_HOUR: intIn(1, 1_000_000).default(20),
  WEB_PAGE_PER_MINUTE: intIn(1, 1_000_000).default(120),
  WEB_SESSION_HOURS: intIn(1, 720).default(12),
  // Deprecated: the health report and the webhooks now share HTTP_PORT (mapped with a warning, see loadConfig).
  HEALTH_PORT: optionalPort,
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_STAFF_BOT_TOKEN: optionalText,
  // Groups and supergroups have negative ids; a positive id is a person's private chat, never a staff inbox.
  TELEGRAM_STAFF_CHAT_ID: optionalText
    .refine((v) => v === undefined || /^-?\d+$/.test(v), 'must be a numeric chat id')
    .refine(
      (v) => v === undefined || !/^\d+$/.test(v),
      'must be a group id (negative, e.g. -1001234567890); a positive id is a private chat',
    ),
  // One staff group per division (issue 10): "pbb-p2:-100111,bphtb:-100222". The division ids are checked against the
  // agency profile at start (src/config/staff-groups.ts); the general TELEGRAM_STAFF_CHAT_ID group keeps the notices.
  TELEGRAM_STAFF_DIVISION_CHATS: divisionChats.prefault(''),
  STAFF_TELEGRAM_IDS: idList.prefault(''),
  SUPERVISOR_TELEGRAM_IDS: idList.prefault(''),
  // Terminal-only staff of a single-office install: "rina,budi,kabid:supervisor" (ids for `aduan staff --as`).
  STAFF_OPERATORS: z
    .string()
    .trim()
    .refine(
      (v) =>
        v === '' ||
        /^[a-z0-9._-]{1,40}(:(staff|supervisor))?(\s*,\s*[a-z0-9._-]{1,40}(:(staff|supervisor))?)*$/.test(v),
      'must be comma-separated ids of lowercase letters, digits, . _ - (each optionally :supervisor)',
    )
    .transform((v) =>
      v === ''
        ? []
        : v.split(',').map((s) => {
            const [id = '', role] = s.trim().split(':');
            return { id, role: role === 'supervisor' ? ('supervisor' as const) : ('staff' as const) };
          }),
    )
    .prefault(''),
  TELEGRAM_API_ROOT: z.string().trim().url('must be a URL').default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be a URL'),
  // Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and - (otherwise setWebhook fails at start-up).
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine(
    (v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v),
    'must be 1-256 characters of A-Z, a-z, 0-9, _ and -',
  ),
  TELEGRAM_WEBHOOK_PORT: optionalPort,
  WHATSAPP_ENABLED: bool.prefault('false'),
  CHROMIUM_PATH: z.string().trim().default('/usr/bin/chromium'),
  SUPERVISOR_WHATSAPP_NUMBERS: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\+?\d{8,15}(\s*,\s*\+?\d{8,15})*$/.test(v), 'must be comma-separated phone numbers')
    // Stored as international digits (62…), whether written +62…, 62… or 08….
    .transform((v) => (v === '' ? [] : v.split(',').map((s) => s.trim().replace(/^\+/, '').replace(/^0/, '62'))))
    .prefault(''),
  ...whatsappFields,
});

/** Every setting the core configuration reads (the scheduler has its own: src/scheduler/settings.ts). */
export const CONFIG_SETTINGS: readonly string[] = Object.keys(schema.shape);

type Parsed = z.infer<typeof schema>;

export interface Config extends Parsed {
  /** DATA_DIR resolved to an absolute path. */
  dataDir: string;
  /** The port of the HTTP server: HTTP_PORT, else a deprecated alias, else 8080 (0: any free port). */
  httpPort: number;
  /** PUBLIC_URL without its trailing slash, else http://<HTTP_HOST>:<port>: the base of every link we send. */
  publicUrl: string;
  /** Deprecated settings that were mapped to their replacement (serve logs each as a warning). */
  deprecations: string[];
  sqlitePath: string;
  agencyConfigPath: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_AGENCY_CONFIG = 'src/config/agencies/bapenda-kota-padang.json';

/** Validates the environment; throws ConfigError naming every wrong setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const r = schema.safeParse(env);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const c = r.data;
  const problems: string[] = [];
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    problems.push('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  }
  if (c.TELEGRAM_STAFF_BOT_TOKEN && !c.TELEGRAM_STAFF_CHAT_ID) {
    problems.push('TELEGRAM_STAFF_CHAT_ID: required when TELEGRAM_STAFF_BOT_TOKEN is set');
  }
  if (c.TELEGRAM_STAFF_DIVISION_CHATS.length && !c.TELEGRAM_STAFF_CHAT_ID) {
    problems.push(
      'TELEGRAM_STAFF_DIVISION_CHATS: perlu TELEGRAM_STAFF_CHAT_ID (grup umum untuk pemberitahuan) / needs TELEGRAM_STAFF_CHAT_ID (the general group for notices)',
    );
  }
  const http = httpSettings(c, problems);
  if (problems.length) throw new ConfigError(problems);
  const dataDir = isAbsolute(c.DATA_DIR) ? c.DATA_DIR : resolve(cwd, c.DATA_DIR);
  return {
    ...c,
    ...http,
    dataDir,
    sqlitePath: join(dataDir, 'aduan.sqlite'),
    agencyConfigPath: c.AGENCY_CONFIG ? resolve(cwd, c.AGENCY_CONFIG) : resolve(projectRoot(), DEFAULT_AGENCY_CONFIG),
  };
}

export const DEFAULT_HTTP_PORT = 8080;

/**
 * HTTP_PORT with its deprecated aliases: HEALTH_PORT (the old health server) and TELEGRAM_WEBHOOK_PORT (the old
 * webhook listener) now name the one server's port. Either alone is taken, with a warning; two that disagree are
 * refused, since one port cannot serve both.
 */
function httpSettings(c: Parsed, problems: string[]): Pick<Config, 'httpPort' | 'publicUrl' | 'deprecations'> {
  const deprecations: string[] = [];
  const aliases = (['HEALTH_PORT', 'TELEGRAM_WEBHOOK_PORT'] as const).filter((k) => c[k] !== undefined);
  let port = c.HTTP_PORT;
  for (const k of aliases) {
    if (port === undefined) {
      port = c[k];
      deprecations.push(
        `${k} is deprecated: the health report, webhooks and web pages share HTTP_PORT; using ${k}=${c[k]} as HTTP_PORT`,
      );
    } else if (c[k] !== port) {
      problems.push(
        `${k}: deprecated and different from ${c.HTTP_PORT !== undefined ? 'HTTP_PORT' : aliases[0]} (${port}); one server now serves everything on HTTP_PORT: set only HTTP_PORT`,
      );
    } else deprecations.push(`${k} is deprecated and can be removed: HTTP_PORT serves everything`);
  }
  const httpPort = port ?? DEFAULT_HTTP_PORT;
  const shownHost = /^(0\.0\.0\.0|::)$/.test(c.HTTP_HOST)
    ? 'localhost'
    : c.HTTP_HOST.includes(':')
      ? `[${c.HTTP_HOST}]`
      : c.HTTP_HOST;
  const publicUrl = (c.PUBLIC_URL ?? `http://${shownHost}:${httpPort}`).replace(/\/+$/, '');
  return { httpPort, publicUrl, deprecations };
}

/** The project's root folder (where package.json is), whatever the working directory. */
export function projectRoot(): string {
  return resolve(new URL('.', import.meta.url).pathname, '../..');
}
