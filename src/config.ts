import { z } from 'zod';

/**
 * Every environment variable Opari reads, declared once: type, default and a one-line description.
 * The README's variable table is generated from `describeConfig()`, so this file is the single source.
 */
const onOff = z.enum(['on', 'off']);
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
const optionalString = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const configSpec = {
  PORT: {
    schema: z.coerce.number().int().min(1).max(65535).default(3978),
    description: 'HTTP port of the bot (/api/messages, /healthz, /readyz, /plan/:id).',
  },
  BOT_ID: {
    schema: optionalString.refine((s) => s === undefined || guid.test(s), 'must be a GUID (the Entra app or managed identity client id)'),
    description: 'Microsoft App ID of the bot. Empty = local mode: anonymous requests accepted.',
  },
  BOT_PASSWORD: {
    schema: optionalString,
    description: 'Client secret of the bot app (MultiTenant/SingleTenant). Secret: set in the environment only.',
  },
  BOT_TYPE: {
    schema: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).default('SingleTenant'),
    description: 'Bot identity type: MultiTenant, SingleTenant or UserAssignedMsi.',
  },
  BOT_TENANT_ID: {
    schema: optionalString.refine((s) => s === undefined || guid.test(s), 'must be a GUID'),
    description: "Entra tenant of the bot's identity (required for SingleTenant and UserAssignedMsi).",
  },
  BOT_OPENID_METADATA_URL: {
    schema: z.string().url().optional(),
    description: "OpenID metadata of the Bot Framework channel service that signs incoming tokens. Default Microsoft's public cloud; set for sovereign clouds or tests.",
  },
  COSMOS_ENDPOINT: {
    schema: optionalString.refine((s) => s === undefined || /^https?:\/\/[^\s]+$/.test(s), 'must be an http(s) URL'),
    description: 'Azure Cosmos DB account endpoint. Empty = embedded in-memory Cosmos-compatible store.',
  },
  COSMOS_KEY: {
    schema: optionalString,
    description: 'Cosmos DB account key. Empty with COSMOS_ENDPOINT set = managed identity (@azure/identity).',
  },
  AZURE_CLIENT_ID: {
    schema: optionalString,
    description: 'Client id of a user-assigned managed identity for Cosmos DB (when COSMOS_KEY is empty).',
  },
  COSMOS_DATABASE: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,255}$/, 'letters, digits, - and _ only')
      .default('opari'),
    description: 'Cosmos DB database name (created if missing).',
  },
  ALLOWED_TENANTS: {
    // GUIDs compare case-insensitively: an upper-case id here must not lock everyone out.
    schema: csv
      .pipe(
        z.array(
          z
            .string()
            .regex(guid, 'each tenant must be a GUID')
            .transform((s) => s.toLowerCase()),
        ),
      )
      .default(''),
    description: 'Comma-separated Entra tenant ids allowed to use the bot (any letter case). Empty = any tenant.',
  },
  PUBLIC_URL: {
    schema: z
      .string()
      .url()
      .transform((s) => s.replace(/\/+$/, ''))
      .optional(),
    description: 'Public base URL of the bot, used in links (plan pages). Default http://localhost:PORT.',
  },
  PLAN_DIR: {
    schema: optionalString,
    description: 'Directory of the student welfare plan (Markdown sections). Default content/plan (the sample plan).',
  },
  PLAN_POLL_MS: {
    schema: z.coerce.number().int().min(200).max(600_000).default(2000),
    description: 'How often each instance checks for a newly published plan (one Cosmos point read); a publish reaches every instance within this.',
  },
  BLOB_ENDPOINT: {
    schema: optionalString.refine((s) => s === undefined || /^https?:\/\/[^\s]+$/.test(s), 'must be an http(s) URL'),
    description: 'Azure Blob Storage account URL for the originals of uploaded plans (managed identity). Empty with no BLOB_CONNECTION_STRING = embedded in-memory Azurite.',
  },
  BLOB_CONNECTION_STRING: {
    schema: optionalString,
    description: 'Azure Blob Storage connection string (instead of BLOB_ENDPOINT). Secret: set in the environment only.',
  },
  BLOB_CONTAINER: {
    schema: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/, 'lowercase letters, digits and single hyphens, 3–63 characters')
      .default('plan-originals'),
    description: 'Blob container of the original plan documents (created if missing).',
  },
  ADMIN_USERS: {
    schema: csv.default(''),
    description: 'Comma-separated Entra object ids of Opari admins (roles, channels, GDPR export, deletion). Empty + local mode = everyone.',
  },
  CASE_KEYS: {
    schema: optionalString.refine(
      (s) => s === undefined || s.split(',').every((p) => /^[A-Za-z0-9_-]{1,20}:[A-Za-z0-9+/]{43}=$/.test(p.trim()) && Buffer.from(p.trim().split(':')[1], 'base64').length === 32),
      'each key must be kid:base64 of 32 bytes (e.g. k2026:$(openssl rand -base64 32))',
    ),
    description:
      'Keys for encrypting pupil data and free text at rest: kid:base64(32 bytes)[,older…]. Secret. Required with BOT_ID or COSMOS_ENDPOINT; empty = a development key (local only), kept in LOCAL_DATA_DIR (or made per start when that is off).',
  },
  CASE_PREFIX: {
    schema: z
      .string()
      .regex(/^[A-Z]{1,6}$/, '1–6 capital letters')
      .default('OH'),
    description: 'Prefix of case numbers, e.g. OH-2026-0042.',
  },
  REMINDER_OFFSETS: {
    schema: csv.pipe(z.array(z.coerce.number().int().min(0).max(43_200))).default('1440,60'),
    description: 'Meeting reminders, minutes before the start (comma-separated). Whole days keep the Helsinki wall-clock time.',
  },
  REMINDER_GRACE_MINUTES: {
    schema: z.coerce.number().int().min(0).max(1440).default(60),
    description: 'A reminder due while no instance ran is still sent within this many minutes; later it is marked missed and the chair told.',
  },
  REMINDER_POLL_MS: {
    schema: z.coerce.number().int().min(200).max(600_000).default(5000),
    description: 'How often each instance looks for due reminders.',
  },
  REMINDER_LEASE_MS: {
    schema: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    description: 'How long a claimed reminder is reserved for the instance sending it (renewed while it holds it); when that instance dies, another takes it over after this.',
  },
  SURVEY_POLL_MS: {
    schema: z.coerce.number().int().min(200).max(600_000).default(15_000),
    description: 'How often each instance advances survey rounds (opening, sending invitations, the reminder, closing).',
  },
  SURVEY_LEASE_MS: {
    schema: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    description: 'How long a claimed survey invitation or round step is reserved for the instance doing it; then another instance takes over.',
  },
  SURVEY_KEEP_ROUNDS: {
    schema: z.coerce.number().int().min(0).max(20).default(2),
    description: 'Closed rounds per survey whose sealed (anonymous, masked) answers are kept; older rounds keep only their aggregates. 0 = delete answers at close.',
  },
  LOCAL_DATA_DIR: {
    schema: z.string().trim().min(1).default('.local-data'),
    description:
      'With the embedded store (COSMOS_ENDPOINT empty): folder, relative to the project, that keeps its data and the development case key across restarts; off = in memory only. `npm start -- --fresh` empties it.',
  },
  PLAYGROUND: {
    schema: onOff.default('on'),
    description: 'on = also start the Microsoft 365 Agents Playground (local Teams) on port 56150; off = bot only.',
  },
  PLAYGROUND_PORT: {
    schema: z.coerce.number().int().min(1).max(65535).default(56150),
    description: 'Port of the Agents Playground page.',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'Minimum level of the JSON logs on stdout.',
  },
  SHUTDOWN_GRACE_MS: {
    schema: z.coerce.number().int().min(0).max(120_000).default(10_000),
    description: 'On SIGTERM/SIGINT, the longest a shutdown takes: in-flight requests and reminder sends may finish meanwhile, then the process exits.',
  },
} as const;

type Spec = typeof configSpec;
export type Config = { [K in keyof Spec]: z.output<Spec[K]['schema']> } & {
  /** PUBLIC_URL, or http://localhost:PORT when unset. */
  publicUrl: string;
  /** True when BOT_ID is empty: anonymous Bot Framework requests accepted (local only). */
  anonymous: boolean;
};

const schema = z.object(Object.fromEntries(Object.entries(configSpec).map(([k, v]) => [k, v.schema])) as { [K in keyof Spec]: Spec[K]['schema'] });

/** Rules that span variables; checked on the raw values so they are reported together with field errors. */
function crossFieldProblems(raw: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  const type = raw.BOT_TYPE ?? 'SingleTenant';
  if (raw.BOT_ID && type !== 'UserAssignedMsi' && !raw.BOT_PASSWORD) out.push(`BOT_PASSWORD: is required when BOT_ID is set and BOT_TYPE is ${type}`);
  if (raw.BOT_ID && type !== 'MultiTenant' && !raw.BOT_TENANT_ID) out.push(`BOT_TENANT_ID: is required when BOT_ID is set and BOT_TYPE is ${type}`);
  if (raw.COSMOS_KEY && !raw.COSMOS_ENDPOINT) out.push('COSMOS_KEY: is set but COSMOS_ENDPOINT is empty');
  // Wherever data outlives the process, a per-start development key would make it unreadable after a restart.
  if (!raw.CASE_KEYS && (raw.BOT_ID || raw.COSMOS_ENDPOINT)) {
    out.push(`CASE_KEYS: is required when ${raw.BOT_ID ? 'BOT_ID' : 'COSMOS_ENDPOINT'} is set (stored data must stay readable across restarts)`);
  }
  return out;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws one ConfigError naming every wrong variable. Never echoes secret values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(Object.keys(configSpec).map((k) => [k, env[k]?.trim() === '' ? undefined : env[k]?.trim()]));
  const parsed = schema.safeParse(input);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'config');
        const secret = name === 'BOT_PASSWORD' || name === 'COSMOS_KEY' || name === 'CASE_KEYS' || name === 'BLOB_CONNECTION_STRING';
        const given = !secret && env[name] !== undefined ? ` (got "${String(env[name]).slice(0, 80)}")` : '';
        return `${name}: ${i.message}${given}`;
      });
  problems.push(...crossFieldProblems(input));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const c = parsed.data;
  return { ...c, publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`, anonymous: !c.BOT_ID } as Config;
}

/** Name, default and description of every variable: the README's table, which a test holds to it. @internal */
export function describeConfig(): { name: string; default: string; description: string }[] {
  return Object.entries(configSpec).map(([name, v]) => {
    const d = (v.schema as z.ZodTypeAny).safeParse(undefined);
    const def = d.success && d.data !== undefined ? (Array.isArray(d.data) ? d.data.join(',') : String(d.data)) : '';
    return { name, default: def, description: v.description };
  });
}
