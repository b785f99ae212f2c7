import type { Config } from '../config.ts';
import type { Backend, Db } from '../db/client.ts';
import type { Files } from './files.ts';
import type { RateLimiter } from './rate-limit.ts';

/** What services need from the outside world; built once in buildApp and passed down explicitly. */
export interface Deps {
  db: Db;
  backend: Backend;
  config: Config;
  rateLimiter: RateLimiter;
  /** the file store: uploads checked, kept and served (src/platform/files.ts) */
  files: Files;
}
