import type { Db } from '../../db/client.ts';
import { ensureCountyPages } from './repository.ts';

/** Every county's start page and theme pages exist from the first start (empty, unpublished); idempotent. */
export async function seedSite(db: Db): Promise<void> {
  await ensureCountyPages(db);
}
