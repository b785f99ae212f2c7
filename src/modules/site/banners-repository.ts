import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import type { BannerRow } from './repository.ts';
import { siteBanners } from './tables.ts';

/**
 * The warning banners' own reads and writes (what is in force for a page is repository.ts's
 * listCurrentBannerRows). A county's admins see their county's banners; the coordinator sees every banner.
 */

/** 'all': every banner (the coordinator's view); else a county's code: that county's own. */
export type BannerScope = string;

const inScope = (scope: BannerScope): SQL | undefined =>
  scope === 'all' ? undefined : eq(siteBanners.countyCode, scope);

/** The banners for a list: the latest first, at most a few hundred (old ones stay in the log). */
export async function listBannerRows(db: Executor, scope: BannerScope): Promise<BannerRow[]> {
  return db
    .select()
    .from(siteBanners)
    .where(inScope(scope))
    .orderBy(desc(siteBanners.startsAt), desc(siteBanners.createdAt))
    .limit(300);
}

/** The national banners (every county's), for a county's list to show beside its own. */
export async function listNationalBannerRows(db: Executor): Promise<BannerRow[]> {
  return db
    .select()
    .from(siteBanners)
    .where(isNull(siteBanners.countyCode))
    .orderBy(desc(siteBanners.startsAt))
    .limit(50);
}

export async function findBannerRow(
  db: Executor,
  scope: BannerScope,
  id: string,
): Promise<BannerRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(siteBanners)
    .where(and(inScope(scope), eq(siteBanners.id, id)));
  return row;
}

export async function lockBannerRow(
  tx: Executor,
  scope: BannerScope,
  id: string,
): Promise<BannerRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .select()
    .from(siteBanners)
    .where(and(inScope(scope), eq(siteBanners.id, id)))
    .for('update');
  return row;
}

export type BannerValues = Omit<typeof siteBanners.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertBanner(tx: Executor, values: BannerValues): Promise<BannerRow> {
  const [row] = await tx.insert(siteBanners).values(values).returning();
  return row!;
}

export async function updateBannerRow(
  tx: Executor,
  id: string,
  values: Partial<BannerValues>,
): Promise<BannerRow> {
  const [row] = await tx
    .update(siteBanners)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(siteBanners.id, id))
    .returning();
  return row!;
}
