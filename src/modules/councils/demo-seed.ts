import type { Db } from '../../db/client.ts';
import { findCountyBoard, findMunicipalityOrganisation, findOrganisationByName } from '../reference/index.ts';
import { seedUppsalaPriorities, seedVastmanlandHandling } from './priorities-demo.ts';
import * as repo from './repository.ts';
import { modelYear } from './year-plan.ts';
import { insertMissingYearSteps } from './year-plan-repository.ts';
import type { BodyKind } from './lifecycle.ts';

/*
 * The councils' demo data: Uppsala's council as seed 001 describes it (its purpose and ambition, its 19 members
 * with the county board convening, its bodies and their commissions), and Västmanland's council formed by
 * merging the integration and gender-equality councils (seed 003), with the two earlier councils in its
 * history. The seeds name no council members by name; the dates and mailboxes are invented (example domain).
 * A second start adds nothing: a council whose address already exists in its county is left as it is.
 */

export const SEED_001_COUNCIL_SLUG = 'rad-for-social-hallbarhet';
export const SEED_003_COUNCIL_SLUG = 'samverkansrad-for-social-hallbarhet';

const UPPSALA_MEMBERS = [
  'Region Uppsala',
  'Polismyndigheten',
  'Åklagarmyndigheten',
  'Kriminalvården',
  'Uppsala universitet',
  'Sveriges lantbruksuniversitet',
  'Nationellt centrum för kvinnofrid',
  'Migrationsverket',
  'Försäkringskassan',
  'Arbetsförmedlingen',
];
const UPPSALA_MUNICIPALITIES = ['0380', '0330', '0381', '0331', '0319', '0360', '0382', '0305'];

const UPPSALA_BODIES: Array<{
  key: string;
  kind: BodyKind;
  name: string;
  commission: string;
  reportsTo: string | null;
}> = [
  {
    key: 'rad',
    kind: 'council',
    name: 'Råd för social hållbarhet',
    commission:
      'Rådet är det organ som formellt beslutar om de överenskommelser som är antagna. Rådet fungerar även som beställare för samverkansplanens genomförande och uppföljning.',
    reportsTo: null,
  },
  {
    key: 'kansli',
    kind: 'secretariat',
    name: 'Kansligruppen',
    commission:
      'Kansligruppen ansvarar för beredning av rådsmöten efter medskick från samordningsgruppen. Kansligruppen kan även ge samordningsgruppen uppdrag från rådet.',
    reportsTo: 'rad',
  },
  {
    key: 'samordning',
    kind: 'coordination',
    name: 'Samordningsgruppen',
    commission:
      'Samordningsgruppen ansvarar för koordinering av genomförande och uppföljning av överenskommelsen och insatser i samverkansplanen. Arbetet sker systematiskt efter en modell som inleds med att en gemensam lägesbild för social hållbarhet tas fram.',
    reportsTo: 'kansli',
  },
  {
    key: 'arbetsgrupper',
    kind: 'working_group',
    name: 'Regionala arbetsgrupper och nätverk',
    commission:
      'Regionala arbetsgrupper eller nätverk ansvarar på uppdrag av samordningsgruppen för det operativa genomförandet av samverkansplanen och övriga prioriteringar, i första hand genom att förstärka redan pågående arbeten. Grupperna redovisar sitt arbete till samordningsgruppen.',
    reportsTo: 'samordning',
  },
];

/** The demo's council member (the demo module's account): she sits in Uppsala's council for Region Uppsala. */
const DEMO_COUNCIL_MEMBER = {
  email: 'rad.uppsala@demo.test',
  name: 'Rut Rådman',
  organisation: 'Region Uppsala',
};

export async function seedCouncilsDemo(db: Db): Promise<void> {
  await seedUppsala(db);
  await seedVastmanland(db);
  await seatDemoMember(db);
  await seedUppsalaPriorities(db, SEED_001_COUNCIL_SLUG);
  await seedVastmanlandHandling(db, SEED_003_COUNCIL_SLUG);
  await seedUppsalaYear(db);
}

/**
 * Seats the demo's council member in Uppsala's council body (by her address, and her account when it
 * exists), so that her start page shows the council's work room; once only.
 */
async function seatDemoMember(db: Db): Promise<void> {
  const council = await repo.findCouncilBySlug(db, '03', SEED_001_COUNCIL_SLUG);
  const region = await findOrganisationByName(db, DEMO_COUNCIL_MEMBER.organisation);
  if (!council || !region) return;
  const body = (await repo.listBodies(db, council.id)).find((b) => b.kind === 'council');
  if (!body) return;
  const seated = await repo.listRepresentatives(db, [body.id]);
  if (seated.some((p) => p.email === DEMO_COUNCIL_MEMBER.email)) return;
  await repo.insertRepresentative(db, {
    bodyId: body.id,
    organisationId: region.id,
    name: DEMO_COUNCIL_MEMBER.name,
    title: 'Regiondirektör',
    email: DEMO_COUNCIL_MEMBER.email,
    role: 'member',
    userId: (await repo.findUserIdByEmail(db, DEMO_COUNCIL_MEMBER.email)) ?? null,
  });
}

/**
 * Uppsala's year plan for this year (the model's four steps of seed 001): the steps whose span has ended are
 * done, the one under way is ongoing. Once only: a year that has its steps keeps them as they are.
 */
async function seedUppsalaYear(db: Db, today = new Date()): Promise<void> {
  const council = await repo.findCouncilBySlug(db, '03', SEED_001_COUNCIL_SLUG);
  if (!council) return;
  const day = today.toISOString().slice(0, 10);
  await insertMissingYearSteps(
    db,
    modelYear(council.id, today.getUTCFullYear()).map((step) => ({
      ...step,
      status: step.endsOn < day ? 'done' : step.startsOn <= day ? 'ongoing' : 'planned',
    })),
  );
}

async function organisationIds(db: Db, names: string[], municipalityCodes: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const org = await findOrganisationByName(db, name);
    if (org) ids.push(org.id);
  }
  for (const code of municipalityCodes) {
    const org = await findMunicipalityOrganisation(db, code);
    if (org) ids.push(org.id);
  }
  return [...new Set(ids)];
}

async function seedUppsala(db: Db): Promise<void> {
  if (await repo.findCouncilBySlug(db, '03', SEED_001_COUNCIL_SLUG)) return;
  const board = await findCountyBoard(db, '03');
  if (!board) return;
  const members = await organisationIds(db, UPPSALA_MEMBERS, UPPSALA_MUNICIPALITIES);
  await db.transaction(async (tx) => {
    const council = await repo.insertCouncil(tx, {
      countyCode: '03',
      slug: SEED_001_COUNCIL_SLUG,
      name: 'Råd för social hållbarhet',
      purpose:
        'Råd för social hållbarhet samlar offentliga aktörer i Uppsala län i syfte att samordna och stärka länets arbete för social hållbarhet. Samverkan utgår från kunskap och en gemensam lägesbild om länets styrkor och utvecklingsområden inom social hållbarhet. Arbetet innebär flernivåsamverkan mellan stat, region och kommuner.\n\nLänsstyrelsen och landshövdingen är sammankallande. Rådet utgår från följande områden i samverkan inom social hållbarhet: integration, jämställdhet inklusive mäns våld mot kvinnor, ANDTS (alkohol, narkotika, dopning, tobak och spel om pengar), brottsförebyggande frågor, mänskliga rättigheter, inkluderande arbetsmarknad och en god och jämlik hälsa.',
      vision:
        'Ambitionen är att öka möjligheten till ett gott liv på lika villkor för hela länets befolkning. Genom att sammankoppla myndigheternas, kommunernas och regionens olika uppdrag och skapa synergier kan det systematiska sociala hållbarhetsarbetet stärkas.',
      secretariatEmail: 'socialhallbarhet.uppsala@lansstyrelsen.example',
      subjectTag: 'Råd för social hållbarhet',
      formedOn: '2021-03-01',
    });
    await repo.addMembers(tx, council.id, [
      { organisationId: board.id, joinedOn: council.formedOn, convenes: true },
      ...members.map((organisationId) => ({ organisationId, joinedOn: council.formedOn })),
    ]);
    const ids = new Map<string, string>();
    for (const [i, b] of UPPSALA_BODIES.entries()) {
      const body = await repo.insertBody(tx, {
        councilId: council.id,
        kind: b.kind,
        name: b.name,
        commission: b.commission,
        reportsToId: b.reportsTo ? ids.get(b.reportsTo)! : null,
        sortOrder: i,
      });
      ids.set(b.key, body.id);
    }
  });
}

async function seedVastmanland(db: Db): Promise<void> {
  if (await repo.findCouncilBySlug(db, '19', SEED_003_COUNCIL_SLUG)) return;
  const board = await findCountyBoard(db, '19');
  if (!board) return;
  const region = await organisationIds(db, ['Region Västmanland'], []);
  const municipalities = await organisationIds(
    db,
    [],
    ['1904', '1907', '1960', '1961', '1962', '1980', '1981', '1982', '1983', '1984'],
  );
  const others = await organisationIds(
    db,
    [
      'Polismyndigheten',
      'Arbetsförmedlingen',
      'Försäkringskassan',
      'Migrationsverket',
      'Mälardalens universitet',
      'Västmanlands Handelskammare (exempel näringsliv)',
      'Civilsamhällets samverkansforum Västmanland (exempel)',
    ],
    [],
  );
  await db.transaction(async (tx) => {
    const earlier = [];
    for (const [slug, name, extra] of [
      ['integrationsradet', 'Integrationsrådet', others.slice(3, 5)],
      ['jamstalldhetsradet', 'Jämställdhetsrådet', others.slice(0, 3)],
    ] as const) {
      const old = await repo.insertCouncil(tx, {
        countyCode: '19',
        slug,
        name,
        formedOn: '2016-01-01',
        status: 'merged',
        endedOn: '2023-10-05',
      });
      await repo.addMembers(tx, old.id, [
        { organisationId: board.id, joinedOn: old.formedOn, convenes: true },
        ...[...region, ...municipalities, ...extra].map((organisationId) => ({
          organisationId,
          joinedOn: old.formedOn,
        })),
      ]);
      await repo.insertBody(tx, { councilId: old.id, kind: 'council', name });
      earlier.push(old);
    }
    const council = await repo.insertCouncil(tx, {
      countyCode: '19',
      slug: SEED_003_COUNCIL_SLUG,
      name: 'Samverkansrådet för social hållbarhet',
      purpose:
        'Samverkansrådet för social hållbarhet är ett strategiskt forum för sociala hållbarhetsfrågor i Västmanlands län. Rådet är sektorsövergripande och består av personer i ledande positioner från kommuner, statliga myndigheter, Region Västmanland, näringslivet och civilsamhället.\n\nSyftet med rådet är att samordna olika samhällsintressen och utvecklingsfrågor inom social hållbarhet som jämställdhet och mänskliga rättigheter, integration, brottsförebyggande arbete och folkhälsa.',
      vision:
        'Rådet arbetar mot en vision om att förbättra människors livsvillkor, skapa ett socialt hållbart Västmanland och att vara en motor i en långsiktig positiv samhällsutveckling i länet.',
      secretariatEmail: 'socialhallbarhet.vastmanland@lansstyrelsen.example',
      subjectTag: 'kansli för social hållbarhet',
      formedOn: '2023-10-05',
    });
    await repo.addMembers(tx, council.id, [
      { organisationId: board.id, joinedOn: council.formedOn, convenes: true },
      ...[...region, ...municipalities, ...others].map((organisationId) => ({
        organisationId,
        joinedOn: council.formedOn,
      })),
    ]);
    const rad = await repo.insertBody(tx, { councilId: council.id, kind: 'council', name: council.name });
    await repo.insertBody(tx, {
      councilId: council.id,
      kind: 'secretariat',
      name: 'Kansli för social hållbarhet',
      commission: 'Kansliet bereder rådets möten och är rådets kontakt utåt.',
      reportsToId: rad.id,
    });
    for (const old of earlier) await repo.updateCouncil(tx, old.id, { mergedIntoId: council.id });
  });
}
