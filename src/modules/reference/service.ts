import { readFileSync } from 'node:fs';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { NewOrganisationInput } from './schemas.ts';
import { swedishCollator } from '../../platform/i18n.ts';
import { derivedOnce } from '../../platform/kept-renders.ts';
import { COUNTY_BOARD_ORG_NUMBERS, PARTNERS } from './partners.ts';
import * as repo from './repository.ts';
import { COUNTIES, findCountyByCode, MUNICIPALITIES } from '../../platform/tenancy.ts';
import { BoundaryFileError, geojsonToPaths } from './boundaries.ts';

/** "Uppsala län" → "Länsstyrelsen i Uppsala län" */
export const countyBoardName = (countyName: string): string => `Länsstyrelsen i ${countyName}`;
const IRREGULAR_GENITIVE: Readonly<Record<string, string>> = { Falun: 'Falu' };

/**
 * SCB's short name → the organisation's name: "Uppsala" → "Uppsala kommun", "Tierp" → "Tierps kommun"
 * (a genitive s after a consonant other than s, x or z). Some call themselves stad; kommun is never wrong.
 */
export function municipalityOrganisationName(name: string): string {
  const stem = IRREGULAR_GENITIVE[name] ?? (/[^aeiouyåäösxz]$/i.test(name) ? `${name}s` : name);
  return `${stem} kommun`;
}

/**
 * Loads the reference data every deployment has: 21 counties with their county boards and regions,
 * 290 municipalities as organisations, and the national partners. Idempotent: a second run adds nothing.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.insertCounties(
      tx,
      COUNTIES.map((c) => ({ code: c.code, name: c.name, slug: c.slug })),
    );
    await repo.insertMunicipalities(
      tx,
      MUNICIPALITIES.map((m) => ({ code: m.code, name: m.name, countyCode: m.code.slice(0, 2) })),
    );
    const existing = new Set((await repo.listOrganisations(tx)).map((o) => o.name));
    const orgs: repo.NewOrganisation[] = [];
    for (const c of COUNTIES) {
      orgs.push({
        type: 'county_board',
        name: countyBoardName(c.name),
        countyCode: c.code,
        orgNumber: COUNTY_BOARD_ORG_NUMBERS[c.code] ?? null,
      });
      orgs.push({ type: 'region', name: c.regionName, countyCode: c.code });
    }
    for (const m of MUNICIPALITIES) {
      orgs.push({
        type: 'municipality',
        name: municipalityOrganisationName(m.name),
        countyCode: m.code.slice(0, 2),
        municipalityCode: m.code,
      });
    }
    for (const p of PARTNERS) {
      orgs.push({ type: p.type, name: p.name, countyCode: p.countyCode, orgNumber: p.orgNumber ?? null });
    }
    await repo.insertOrganisations(
      tx,
      orgs.filter((o) => !existing.has(o.name)),
    );
  });
  await loadShippedBoundaries(db);
}

/** Where the boundaries the product ships come from, for the maps' captions and the README. */
export const BOUNDARY_ATTRIBUTION =
  'Kommun- och länsgränser: SCB (Statistiska centralbyrån), öppna data, förenklade för kartan.';

interface ShippedBoundaries {
  municipality: Array<{ code: string; name: string; path: string }>;
  county: Array<{ code: string; name: string; path: string }>;
}

/**
 * The map boundaries every installation has from its first start: derived from SCB's open digital boundaries
 * (scripts/derive-boundaries.ts) and shipped with the product, loaded where none are stored. An import of
 * newer boundaries (the command line) replaces them and is kept.
 */
export async function loadShippedBoundaries(db: Db): Promise<void> {
  const kinds = ['municipality', 'county'] as const;
  const empty: Array<'municipality' | 'county'> = [];
  for (const kind of kinds) if ((await repo.boundaryVersion(db, kind)).startsWith('0:')) empty.push(kind);
  if (empty.length === 0) return;
  const shipped = JSON.parse(
    readFileSync(new URL('./scb-boundaries.json', import.meta.url), 'utf8'),
  ) as ShippedBoundaries;
  const countyNames = new Map(COUNTIES.map((c) => [c.code, c.name]));
  await db.transaction(async (tx) => {
    for (const kind of empty) {
      const rows =
        kind === 'county'
          ? shipped.county.map((c) => ({ ...c, name: countyNames.get(c.code) ?? c.name }))
          : shipped.municipality;
      await repo.replaceBoundaries(tx, kind, rows);
      await recordAudit(tx, {
        actorId: null,
        action: 'boundaries.loaded',
        entityType: 'boundaries',
        entityId: kind,
        after: { count: rows.length, source: 'SCB' },
      });
    }
  });
}

export interface OrganisationView extends repo.Organisation {
  countyName: string | null;
}

/**
 * Organisations by Swedish name with their county's name. Sorted once per list read: a list kept until its
 * table changes (`keptUntilChanged`) gives the same sorted array back, so it can name a kept rendering.
 */
export async function listOrganisationsSorted(
  db: Db,
  filter: repo.OrganisationFilter = {},
): Promise<OrganisationView[]> {
  return sortedViews(await repo.listOrganisations(db, filter));
}

// The county names come from the registry (the same 21 counties as the table); PGlite has no ICU, so the
// Swedish order (å, ä, ö last) is applied here.
const sortedViews = derivedOnce((orgs: repo.Organisation[]): OrganisationView[] =>
  orgs
    .map((o) => ({
      ...o,
      countyName: o.countyCode ? (findCountyByCode(o.countyCode)?.name ?? null) : null,
    }))
    .sort((a, b) => swedishCollator.compare(a.name, b.name)),
);

/** Adds a partner organisation (the caller has authorized it); its number is unique across organisations. */
export async function createOrganisation(
  db: Db,
  actorId: string,
  input: NewOrganisationInput,
): Promise<repo.Organisation> {
  return db.transaction(async (tx) => {
    if (input.orgNumber && (await repo.findOrganisationByOrgNumber(tx, input.orgNumber))) {
      throw new ValidationError({ orgNumber: 'Det finns redan en organisation med det organisationsnumret' });
    }
    if (await repo.findOrganisationByName(tx, input.name)) {
      throw new ValidationError({ name: 'Det finns redan en organisation med det namnet' });
    }
    const org = await repo.insertOrganisation(tx, {
      name: input.name,
      type: input.type,
      orgNumber: input.orgNumber,
      countyCode: input.countyCode,
    });
    await recordAudit(tx, {
      actorId,
      countyCode: org.countyCode,
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: org.id,
      after: { name: org.name, type: org.type, orgNumber: org.orgNumber, countyCode: org.countyCode },
    });
    return org;
  });
}

/**
 * Imports SCB boundaries (GeoJSON) for the maps: municipalities keyed by kommunkod (KnKod), counties by
 * länskod (LnKod). Every code must be one of the reference data's; the import replaces the previous one.
 */
export async function importBoundaries(
  db: Db,
  kind: 'county' | 'municipality',
  geojson: string,
): Promise<number> {
  const paths = geojsonToPaths(geojson, {
    codeProperty: kind === 'municipality' ? 'KnKod' : 'LnKod',
    nameProperty: kind === 'municipality' ? 'KnNamn' : 'LnNamn',
  });
  const known = new Set(
    kind === 'municipality' ? MUNICIPALITIES.map((m) => m.code) : COUNTIES.map((c) => c.code),
  );
  const unknown = paths.filter((p) => !known.has(p.code)).map((p) => p.code);
  if (unknown.length) throw new BoundaryFileError(`Okända koder i filen: ${unknown.slice(0, 5).join(', ')}`);
  await db.transaction(async (tx) => {
    await repo.replaceBoundaries(tx, kind, paths);
    await recordAudit(tx, {
      actorId: null,
      action: 'boundaries.imported',
      entityType: 'boundaries',
      entityId: kind,
      after: { count: paths.length },
    });
  });
  return paths.length;
}

/** The boundaries read last, per database and kind, with the version they were read at. */
type BoundaryCache = Map<string, { version: string; rows: repo.Boundary[] }>;
const boundaryCache = new WeakMap<Db, BoundaryCache>();

/**
 * The map's boundaries (hundreds of SVG paths, about a megabyte): read from the database once per import and
 * kept, so a map page asks only whether they changed — a new import anywhere (the CLI) is seen at once.
 */
export async function boundariesOf(db: Db, kind: 'county' | 'municipality'): Promise<repo.Boundary[]> {
  let byKind = boundaryCache.get(db);
  if (!byKind) boundaryCache.set(db, (byKind = new Map() as BoundaryCache));
  const version = await repo.boundaryVersion(db, kind);
  const hit = byKind.get(kind);
  if (hit && hit.version === version) return hit.rows;
  const rows = await repo.listBoundaries(db, kind);
  byKind.set(kind, { version, rows });
  return rows;
}
