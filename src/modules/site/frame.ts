import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Db } from '../../db/client.ts';
import type { CountySupport } from '../../platform/page-context.ts';
import { COUNTIES, findCountyByCode } from '../../platform/tenancy.ts';
import { countyBoardName } from '../reference/index.ts';
import { listSettingsRows, type SettingsRow } from './repository.ts';

/** Every county's saved settings by county, kept per process until a county's settings change. */
const settingsByCounty = keptUntilChanged(
  ['site_settings'],
  async (db: Db) => new Map((await listSettingsRows(db)).map((r) => [r.countyCode, r])),
  () => '',
);

function supportOf(countyCode: string, row: SettingsRow | undefined): CountySupport {
  const name = findCountyByCode(countyCode)?.name ?? countyCode;
  const email = row?.supportEmail?.trim() || null;
  const phone = row?.supportPhone?.trim() || null;
  return { version: `${email ?? ''}\u0001${phone ?? ''}`, boardName: countyBoardName(name), email, phone };
}

/**
 * Whom a visitor in a county's room contacts at the county board: the support e-mail and phone its admins set
 * (site settings), else the county board by name. Answered from memory (every page in the county asks).
 */
export async function countySupport(db: Db, countyCode: string): Promise<CountySupport> {
  return supportOf(countyCode, (await settingsByCounty(db)).get(countyCode));
}

/** Every county board's support contact, in the counties' order (the support page lists them). */
export async function everyCountySupport(
  db: Db,
): Promise<Array<CountySupport & { countyCode: string; countySlug: string; countyName: string }>> {
  const settings = await settingsByCounty(db);
  return COUNTIES.map((c) => ({
    ...supportOf(c.code, settings.get(c.code)),
    countyCode: c.code,
    countySlug: c.slug,
    countyName: c.name,
  }));
}
