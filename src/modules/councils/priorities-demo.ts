import type { Db, Executor } from '../../db/client.ts';
import { findCountyBoard, findMunicipalityOrganisation, findOrganisationByName } from '../reference/index.ts';
import * as irepo from './interventions-repository.ts';
import * as prepo from './priorities-repository.ts';
import * as repo from './repository.ts';
import * as srepo from './strategies-repository.ts';
import type { HandlingState } from './tables.ts';

/*
 * The demo's priorities: Uppsala's two collaboration areas with their intervention areas and the example
 * interventions of seed 001 (the centre against honour-related violence financed by the county board until
 * September 2027), its strategy with four visions for 2024–2030, a progress report or two; and Västmanland's
 * members' handling of a priority (seed 003). The texts are the seeds'; the reports and the handling comments
 * are invented, and their periods are placed relative to the day of the first start. A council that already
 * has priorities is left as it is.
 */

const VIOLENCE_TARGET_GROUP =
  'Alla medborgare, såväl barn som vuxna. Insatser riktas primärt till yrkesverksamma som möter de som är eller kan vara utsatta samt de som möter de som utövar våld.';
const YOUNG_TARGET_GROUP =
  'Barn och unga och de närmaste runt barn och unga som skapar förutsättningar för en bra start i livet.';

async function idOf(db: Executor, name: string): Promise<string | undefined> {
  return (await findOrganisationByName(db, name))?.id;
}

export async function seedUppsalaPriorities(db: Db, councilSlug: string, today = new Date()): Promise<void> {
  const council = await repo.findCouncilBySlug(db, '03', councilSlug);
  if (!council || (await prepo.listPriorities(db, council.id)).length > 0) return;
  const board = (await findCountyBoard(db, '03'))?.id;
  const region = await idOf(db, 'Region Uppsala');
  const police = await idOf(db, 'Polismyndigheten');
  const nck = await idOf(db, 'Nationellt centrum för kvinnofrid');
  const migration = await idOf(db, 'Migrationsverket');
  const uppsala = (await findMunicipalityOrganisation(db, '0380'))?.id;
  if (!board || !region || !police || !nck || !migration || !uppsala) return;
  const year = today.getUTCFullYear();
  await db.transaction(async (tx) => {
    const health = await prepo.insertPriority(tx, {
      councilId: council.id,
      name: 'Hälsa, trygghet och goda livsvillkor i socioekonomiskt utsatta områden',
      description:
        'Huvudsaklig målgrupp för insatserna är barn och unga och de närmaste runt barn och unga som skapar förutsättningar för en bra start i livet.\n\nGoda livsvillkor bidrar till hälsa och trygghet. Förutsättningarna för hälsa, trygghet och goda livsvillkor är ojämnt fördelade. Samhället behöver därför lägga särskilt fokus på att kompensera för ojämlikheter mellan människor. Många utsatta grupper bor i områden som även geografiskt är socioekonomiskt utsatta. Det vill säga områden där nettoinkomst, förvärvsarbete, gymnasiebehörighet och utbildningsnivå ligger på nivåer under genomsnittet för landet, samt där arbetslöshet, ekonomiskt bistånd och sjukdagar ligger på nivåer över genomsnittet för landet. I vissa av dessa områden finns en förhöjd risk för kriminalitet och att barn och unga ansluter sig till kriminella miljöer.',
      validFrom: council.formedOn,
      agendaTargets: ['3.4', '10.2', '16.1'],
    });
    for (const name of [
      'Kompensatoriska insatser för goda och jämlika livsvillkor',
      'Förutsättningar för goda levnadsvanor',
      'Egenmakt, inflytande och delaktighet',
      'Trygga miljöer',
    ])
      await prepo.insertArea(tx, { priorityId: health.id, name, targetGroup: YOUNG_TARGET_GROUP });

    const violence = await prepo.insertPriority(tx, {
      councilId: council.id,
      name: 'Mäns våld mot kvinnor',
      description:
        'Det övergripande målet för den svenska jämställdhetspolitiken är att kvinnor och män ska ha samma makt att forma samhället och sina egna liv. Mäns våld mot kvinnor betraktas som den yttersta konsekvensen av ett samhälle som inte är jämställt.\n\nMäns våld mot kvinnor är ett paraplybegrepp och syftar på det våld som flickor och kvinnor är särskilt utsatta för och som minskar deras handlingsutrymme: våld i nära relationer; hedersrelaterat våld och förtryck, inklusive barnäktenskap, tvångsäktenskap och könsstympning; prostitution och människohandel (med särskilt fokus på sexuella ändamål) samt sexualiserat våld oberoende av relation.',
      validFrom: council.formedOn,
      agendaTargets: ['5.2', '5.3', '16.1'],
    });
    const trafficking = await prepo.insertArea(tx, {
      priorityId: violence.id,
      name: 'Prostitution och människohandel (med särskilt fokus på sexuella ändamål)',
      purpose:
        'Syftet med insatsområdet är att länets aktörer gemensamt ska verka för att kunskapen om prostitution och människohandel ökar i länet samt att fler ärenden rörande sexköp och människohandel för sexuella ändamål rapporteras, anmäls och lagförs.',
      targetGroup: VIOLENCE_TARGET_GROUP,
    });
    const honour = await prepo.insertArea(tx, {
      priorityId: violence.id,
      name: 'Hedersrelaterat våld och förtryck',
      purpose:
        'Syftet med insatsområdet är att länets aktörer gemensamt ska motverka hedersrelaterat våld och förtryck bland annat genom kunskapshöjande insatser, förebyggande arbete och stärkt samverkan.',
      targetGroup: VIOLENCE_TARGET_GROUP,
    });
    const knowledge = await prepo.insertArea(tx, {
      priorityId: violence.id,
      name: 'Kunskap om våld',
      purpose:
        'Syftet med insatsområdet är att länets aktörer gemensamt ska verka för att höja kunskapen om mäns våld mot kvinnor. Berörda aktörer ska ha bästa möjliga kunskap om att förebygga och bekämpa mäns våld mot kvinnor för att kunna utforma och bedriva ett verkningsfullt arbete.',
      targetGroup: VIOLENCE_TARGET_GROUP,
    });

    const centre = await irepo.insertIntervention(tx, {
      councilId: council.id,
      areaId: honour.id,
      name: 'Centrum mot hedersrelaterat våld och förtryck',
      description:
        'En samverkansverksamhet som innefattar lågtröskelverksamhet för utsatta, stöd till yrkesverksamma och kunskapsspridning. Verksamheten styrs i samverkan av länets kommuner, Polismyndigheten och Region Uppsala med finansiering av Länsstyrelsen fram till och med september 2027. I samverkan med NCK tas utbildningsinsatser fram. Därefter förväntas verksamheten permanentas och finansieras av samverkansaktörerna.',
      ownerOrganisationId: region,
      status: 'ongoing',
      public: true,
    });
    await irepo.setParticipants(tx, centre.id, [uppsala, police, nck]);
    await irepo.insertFinancing(tx, {
      interventionId: centre.id,
      funderOrganisationId: board,
      description: 'Verksamhetens drift',
      fromOn: council.formedOn,
      untilOn: '2027-09-30',
    });
    await irepo.upsertProgress(tx, {
      interventionId: centre.id,
      period: String(year - 1),
      text: 'Lågtröskelverksamheten har varit öppen under året, och utbildningsinsatser för yrkesverksamma har tagits fram i samverkan med NCK. Arbetet med hur verksamheten ska finansieras efter september 2027 har påbörjats.',
      status: 'ongoing',
    });

    const coordinators = await irepo.insertIntervention(tx, {
      councilId: council.id,
      areaId: trafficking.id,
      name: 'Regionkoordinatorer för Region mitt',
      description:
        'Regionkoordinatorer för Region mitt (Uppsala, Gävleborg och Västmanlands län). Koordinatorerna hjälper bland annat polis och socialtjänst med både konsultativt och operativt stöd vid prostitution och i ärenden om människohandel. De fungerar även som en regional aktör med spetskompetens inom området. I styrgruppen för verksamheten finns Migrationsverket, länsstyrelserna och Polismyndigheten.',
      ownerOrganisationId: board,
      status: 'ongoing',
      public: true,
    });
    await irepo.setParticipants(tx, coordinators.id, [migration, police]);

    const course = await irepo.insertIntervention(tx, {
      councilId: council.id,
      areaId: knowledge.id,
      name: 'Webbkurs om våld',
      description:
        'Länsstyrelserna, Nationellt centrum för kvinnofrid (NCK) och Socialstyrelsen har tillsammans utvecklat en webbkurs som ger grundläggande kunskap om mäns våld mot kvinnor och våld i nära relation.',
      ownerOrganisationId: board,
      status: 'ongoing',
      public: true,
    });
    await irepo.setParticipants(tx, course.id, [nck]);
    await irepo.upsertProgress(tx, {
      interventionId: course.id,
      period: `${year}-H1`,
      text: 'Kursen har spridits till länets kommuner och till Region Uppsala, och fler yrkesverksamma har gått den än under förra halvåret.',
      status: 'ongoing',
    });

    const strategy = await srepo.insertStrategy(tx, {
      councilId: council.id,
      name: 'Strategi för ett jämställt och jämlikt Uppsala län',
      fromYear: 2024,
      toYear: 2030,
      description:
        'I april 2024 lanserades Strategi för ett jämställt och jämlikt Uppsala län under en sammankomst med landshövdingen och Rådet för social hållbarhet på Uppsala slott. Strategin har fyra visioner som möter identifierade utmaningar i länet. För att uppfylla målen erbjuder länsstyrelsen utbildningar samt spridning av metoder och kunskapsmaterial.',
    });
    const visions = [];
    for (const title of [
      'Ett län med delaktiga invånare som har makt och förutsättningar att forma samhällsutvecklingen',
      'Ett län fritt från våld',
      'Ett län med en civil beredskap för alla',
      'Ett län med en inkluderande arbetsmarknad fri från diskriminering',
    ])
      visions.push(await srepo.insertGoal(tx, { strategyId: strategy.id, kind: 'vision', title }));
    for (const i of [centre, coordinators, course]) await irepo.setGoals(tx, i.id, [visions[1]!.id]);
  });
}

/** Västmanland's council: a priority and how some of its members handle it in their own governance (seed 003). */
export async function seedVastmanlandHandling(db: Db, councilSlug: string): Promise<void> {
  const council = await repo.findCouncilBySlug(db, '19', councilSlug);
  if (!council || (await prepo.listPriorities(db, council.id)).length > 0) return;
  const members = new Set((await repo.listMembers(db, council.id)).map((m) => m.organisationId));
  const answers: Array<[string | undefined, HandlingState, string]> = [
    [
      (await findMunicipalityOrganisation(db, '1980'))?.id,
      'decided',
      'Beslutat i kommunstyrelsen och inarbetat i verksamhetsplanen.',
    ],
    [
      await idOf(db, 'Region Västmanland'),
      'under_way',
      'Bereds inför regionstyrelsens beslut om nästa års plan.',
    ],
    [
      (await findMunicipalityOrganisation(db, '1983'))?.id,
      'under_way',
      'Ingår i arbetet med den nya trygghetsplanen.',
    ],
    [
      await idOf(db, 'Arbetsförmedlingen'),
      'not_relevant',
      'Ligger utanför myndighetens uppdrag; myndigheten deltar i samverkan.',
    ],
  ];
  await db.transaction(async (tx) => {
    const priority = await prepo.insertPriority(tx, {
      councilId: council.id,
      name: 'Brottsförebyggande arbete och trygghet',
      description:
        'De prioriteringar rådet gör är av inriktningskaraktär och ska inte konkurrera med aktörernas ordinarie styrning utan komplettera och stärka den. Varje medverkande organisation fattar sedan egna beslut om hur de hanterar prioriteringarna i den egna organisationen och i sitt ordinarie arbete.',
      validFrom: council.formedOn,
      agendaTargets: ['16.1'],
    });
    for (const [organisationId, state, comment] of answers)
      if (organisationId && members.has(organisationId))
        await prepo.upsertHandling(tx, { priorityId: priority.id, organisationId, state, comment });
  });
}
