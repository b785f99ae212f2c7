import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../tests/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { countReferenceData, listMunicipalities, listOrganisations } from './repository.ts';
import { municipalityOrganisationName, seedReferenceData } from './service.ts';
import { COUNTIES, MUNICIPALITIES } from '../../platform/tenancy.ts';

const csvPath = path.resolve(import.meta.dirname, '../../../../shared/data/sweden-municipalities.csv');

describe('reference data', () => {
  it('has 21 counties with unique codes and slugs and 290 municipalities in them', () => {
    expect(COUNTIES).toHaveLength(21);
    expect(new Set(COUNTIES.map((c) => c.slug)).size).toBe(21);
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    const counties = new Set(COUNTIES.map((c) => c.code));
    for (const m of MUNICIPALITIES) expect(counties.has(m.code.slice(0, 2)), m.code).toBe(true);
    expect(COUNTIES.find((c) => c.code === '14')?.slug).toBe('vastra-gotaland');
    expect(COUNTIES.find((c) => c.code === '22')?.slug).toBe('vasternorrland');
  });

  it('matches SCB codes and names in ../shared/data/sweden-municipalities.csv', (ctx) => {
    if (!fs.existsSync(csvPath)) {
      if (process.env.CI === 'true') throw new Error(`${csvPath} saknas, och med CI=true krävs den`);
      ctx.skip();
    }
    const rows = fs
      .readFileSync(csvPath, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows).toHaveLength(290);
    const ours = new Map(MUNICIPALITIES.map((m) => [m.code, m.name]));
    const counties = new Map(COUNTIES.map((c) => [c.code, c.name]));
    for (const [code, name, countyCode, countyName] of rows) {
      expect(ours.get(code!), code).toBe(name);
      expect(counties.get(countyCode!), countyCode).toBe(countyName);
    }
    expect(new Set(rows.map((r) => r[2])).size).toBe(21);
  });

  it('names municipal organisations in the Swedish way', () => {
    expect(municipalityOrganisationName('Uppsala')).toBe('Uppsala kommun');
    expect(municipalityOrganisationName('Tierp')).toBe('Tierps kommun');
    expect(municipalityOrganisationName('Sundsvall')).toBe('Sundsvalls kommun');
    expect(municipalityOrganisationName('Västerås')).toBe('Västerås kommun');
    expect(municipalityOrganisationName('Falun')).toBe('Falu kommun');
  });

  describe('seeded', () => {
    let database: Database;
    beforeAll(async () => {
      database = await testDatabase();
    });

    it('holds every county board, region and municipality once, and a second seed adds nothing', async () => {
      const before = await countReferenceData(database.db);
      expect(before.counties).toBe(21);
      expect(before.municipalities).toBe(290);
      await seedReferenceData(database.db);
      expect(await countReferenceData(database.db)).toEqual(before);
      expect(await listOrganisations(database.db, { type: 'county_board' })).toHaveLength(21);
      expect(await listOrganisations(database.db, { type: 'region' })).toHaveLength(21);
      expect(await listOrganisations(database.db, { type: 'municipality' })).toHaveLength(290);
      expect((await listMunicipalities(database.db, '03')).map((m) => m.code)).toContain('0380');
    });
  });
});

describe('adding an organisation', () => {
  it('validates the number next to the field, keeps the input, and stores and audits a valid one', async () => {
    const { buildTestApp } = await import('../../../tests/helpers/app.ts');
    const { TestClient } = await import('../../../tests/helpers/client.ts');
    const { createTestUser } = await import('../../../tests/factories.ts');
    const t = await buildTestApp();
    try {
      const admin = await createTestUser(t.database.db, 'system_admin');
      const client = new TestClient(t.app);
      await client.login(admin.email, admin.password);
      const name = `Brottsofferjouren ${Math.random().toString(36).slice(2, 7)}`;
      const bad = await client.submit('/admin/organisationer/ny', {
        name,
        type: 'civil_society',
        orgNumber: '202100-2412',
        countyCode: '03',
      });
      expect(bad.status).toBe(400);
      expect(bad.doc.querySelector('#orgNumber-error')?.text).toContain('giltigt organisationsnummer');
      expect(bad.doc.querySelector('#orgNumber')?.getAttribute('value')).toBe('202100-2412');
      expect(bad.doc.querySelector('#name')?.getAttribute('value')).toBe(name);
      expect((await listOrganisations(t.database.db)).some((o) => o.name === name)).toBe(false);

      const taken = await client.submit('/admin/organisationer/ny', {
        name,
        type: 'civil_society',
        orgNumber: '2021000076',
        countyCode: '',
      });
      expect(taken.doc.querySelector('#orgNumber-error')?.text).toContain('finns redan');

      const ok = await client.submit('/admin/organisationer/ny', {
        name,
        type: 'civil_society',
        orgNumber: '',
        countyCode: '03',
      });
      expect(ok.status).toBe(303);
      const org = (await listOrganisations(t.database.db)).find((o) => o.name === name);
      expect(org).toMatchObject({ type: 'civil_society', countyCode: '03', orgNumber: null });
      const audit = await client.get('/admin/granskningslogg');
      const row = audit.doc
        .querySelectorAll('main tbody tr')
        .find((r) => r.text.includes(`lade till organisationen ${name}`))!;
      expect(row.text).toContain(`${admin.actor.name} lade till organisationen ${name}`);
      const details = row.querySelector('.sv-audit-changes')!.text;
      expect(details).toContain('Civilsamhälle');
      expect(details).toContain('Uppsala län');
      expect(row.text).not.toMatch(/organisation\.created|civil_society|countyCode/);
      expect(details).not.toMatch(/\b03\b/);
    } finally {
      await t.close();
    }
  });
});
