import path from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Parsed once at boot; a bad value stops the start with a clear message. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
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
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
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
  trustProxy: boolean;
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
    databaseUrl: e.DATABASE_URL,
    demo,
    sessionSecret: e.SESSION_SECRET ?? DEMO_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    worker: e.WORKER,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
  };
}
