import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** One trusted proxy: an IPv4/IPv6 address, or a network in CIDR form (10.0.0.0/8). */
function isAddressOrNetwork(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

/** The only reader of process.env. Parsed once at boot; a bad value stops the start with a clear message. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** where uploaded files' bytes are kept; default the data folder's files/ (PostgreSQL included) */
  FILES_DIR: z.string().optional(),
  /** the largest file an upload may be, in megabytes */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL måste börja med postgres:// eller postgresql://')
    .optional(),
  DEMO: z.enum(['true', 'false', '1', '0']).optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET måste vara minst 32 tecken').optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Samverkan <no-reply@samverkan.local>'),
  PUBLIC_URL: z.string().url().optional(),
  WORKER: z.enum(['inline', 'off']).default('inline'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** days after an event that its registrants' personal data is erased (counts stay) */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Which proxies may tell the client's address (X-Forwarded-For): a list, never "anyone", or a client could
  // pick its own address and escape the login and reset limits.
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => v !== 'true', {
      message:
        'ange lastbalanserarens adresser (till exempel 10.0.0.5,10.0.1.0/24) i stället för true: med true kan vem som helst ange sin egen IP-adress',
    })
    .transform((v) =>
      v === 'false'
        ? []
        : v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrNetwork), {
      message: 'varje post måste vara en IP-adress eller ett nät i CIDR-form, åtskilda med komma',
    }),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** where uploaded files' bytes are kept (the disk file store); DATA_DIR/files unless FILES_DIR says */
  filesDir: string;
  /** the largest file an upload may be, in bytes (MAX_UPLOAD_MB) */
  maxUploadBytes: number;
  /** Undefined means the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  /** Demo mode seeds demo accounts (password "demo"). On by default only for the embedded database. */
  demo: boolean;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  /** 'inline': the web process also runs background jobs; 'off': only `npm run worker` does. */
  worker: 'inline' | 'off';
  logLevel: string;
  /** days after an event that its registrants' personal data is erased (counts stay); default 90 */
  eventRetentionDays: number;
  /** the proxies trusted to tell the client's address and protocol; empty: none (the peer is the client) */
  trustProxy: string[];
}

export class ConfigError extends Error {}

const DEMO_SECRET = 'demo-only-session-secret-not-for-production-use';

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (DATABASE_URL=) means unset, as in most shells' and orchestrators' habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Felaktig konfiguration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo = e.DEMO === undefined ? e.DATABASE_URL === undefined : e.DEMO === 'true' || e.DEMO === '1';
  if (!demo && !e.SESSION_SECRET) {
    throw new ConfigError(
      'Felaktig konfiguration:\n  SESSION_SECRET: krävs utanför demoläge (minst 32 slumpmässiga tecken)',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    filesDir: path.resolve(e.FILES_DIR ?? path.join(e.DATA_DIR, 'files')),
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    databaseUrl: e.DATABASE_URL,
    demo,
    sessionSecret: e.SESSION_SECRET ?? DEMO_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    worker: e.WORKER,
    logLevel: e.LOG_LEVEL,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    trustProxy: e.TRUST_PROXY,
  };
}
