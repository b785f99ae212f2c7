import type { Db, Tx } from '../../db/client.ts';
import { endOfStockholmDay, stockholmDate, stockholmTime } from '../../platform/time.ts';
import {
  findCountyBoard,
  findOrganisationByName,
  insertOrganisations,
  listOrganisations,
  type Organisation,
  type OrganisationType,
} from '../reference/index.ts';
import * as repo from './repository.ts';
import { eventInputSchema, type EventInput, type SeriesInput, seriesInputSchema } from './schemas.ts';
import type { EventContact, Speaker } from './tables.ts';

/*
 * The events' demo data. Seed 004's afternoon event in Västra Götaland exactly as the seed has it (15 June
 * 2022, its programme, the last day 10 June, so registration is closed), seed 000's lecture series of the county
 * board and the region in Västernorrland (a recorded lecture, a live digital one and a discussion meeting), and in
 * each demo county an event ahead with a few places left (Uppsala also a full one with a waiting list).
 *
 * The seeds name real officials: the demo keeps their titles, organisations, times and texts but invents every
 * person (docs: DOMAIN.md). Registrants are invented people at example.org. Everything but seed 004's own day
 * is placed relative to the day of the first start, so the demo does not age. A second start adds nothing: an
 * event (or series) whose address already exists in its county is left as it is.
 */

const DAY = 86_400_000;

/** Where the demo has a county admin (src/modules/demo): each gets an event ahead with a few places left. */
export const DEMO_EVENT_COUNTIES = ['03', '14', '19', '22'] as const;

/** Seed 004's event, its address in Västra Götaland's calendar. */
export const SEED_004_SLUG = 'social-hallbarhet-fran-perspektivtrangsel-till-perspektivgemenskap';
/** Seed 000's lecture series, its address in Västernorrland's calendar. */
export const SEED_000_SERIES_SLUG = 'digital-forelasningsserie-social-hallbarhet';

/** Who arranges: a county's board, its region, or an organisation by name (added when the reference data lacks it). */
type OrganiserRef =
  { countyBoard: string } | { name: string; type: OrganisationType; countyCode: string | null };

interface RegistrantPlan {
  confirmed: number;
  waiting?: number;
  cancelled?: number;
  /** after the event: how many of the confirmed came (the rest were no-shows) */
  attended?: number;
  /** the event is past its retention: the rows are anonymised, only the figures remain */
  anonymised?: boolean;
}

interface DemoEvent {
  countyCode: string;
  input: Omit<EventInput, 'organisationIds' | 'seriesId'> & { slug: string };
  organisers: OrganiserRef[];
  /** the series' slug in the same county */
  series?: string;
  publishedAt: Date;
  registrants?: RegistrantPlan;
}

interface DemoSeries {
  countyCode: string;
  input: SeriesInput & { slug: string };
}

// ---- Invented people -------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Alva',
  'Bertil',
  'Cajsa',
  'Dante',
  'Edit',
  'Folke',
  'Gun',
  'Henning',
  'Iris',
  'Jarl',
  'Klara',
  'Loke',
  'Märta',
  'Nore',
  'Otilia',
  'Pontus',
  'Rakel',
  'Sixten',
  'Tyra',
  'Vide',
];
/** Surnames nobody has: the demo's people are clearly invented. */
const SURNAMES = [
  'Exempelsson',
  'Påhittadotter',
  'Demoberg',
  'Låtsasson',
  'Testlund',
  'Provström',
  'Övningsdahl',
  'Fiktivsdotter',
  'Mönsterqvist',
  'Utkastsson',
];

const ascii = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');

/** The i-th invented person (distinct for i below 200). */
function person(i: number): { name: string; email: string } {
  const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
  const last = SURNAMES[Math.floor(i / FIRST_NAMES.length) % SURNAMES.length]!;
  return { name: `${first} ${last}`, email: `${ascii(first)}.${ascii(last)}@example.org` };
}

// ---- The events ------------------------------------------------------------------------------------------

const talk = (startsAt: Date, title: string, speakers: Speaker[] = []) => ({
  startsAt,
  title,
  kind: 'talk' as const,
  speakers,
});
const pause = (startsAt: Date) => ({ startsAt, title: 'Paus', kind: 'break' as const, speakers: [] });
const discussion = (startsAt: Date, title: string, speakers: Speaker[] = []) => ({
  startsAt,
  title,
  kind: 'discussion' as const,
  speakers,
});

/** Seed 004, as the seed has it: its day, programme, last day of registration and texts; invented people. */
function seed004(): DemoEvent {
  const at = (hh: number, mm: number) => stockholmTime('2022-06-15', hh, mm);
  const vg = 'Länsstyrelsen Västra Götaland';
  const hosts: Speaker[] = [
    { name: 'Tuva Tvärgren', organisation: vg },
    { name: 'Erik Exempelsson', organisation: vg },
  ];
  const trollhattan = 'Trollhättans Stad';
  const contacts: EventContact[] = [
    { name: 'Erik Exempelsson', organisation: 'Länsstyrelsen', email: 'erik.exempelsson@example.org' },
    { name: 'Tuva Tvärgren', organisation: 'Länsstyrelsen', email: 'tuva.tvargren@example.org' },
  ];
  return {
    countyCode: '14',
    organisers: [{ countyBoard: '14' }],
    publishedAt: stockholmTime('2022-05-02', 9, 0),
    registrants: { confirmed: 64, cancelled: 5, attended: 52, anonymised: true },
    input: {
      slug: SEED_004_SLUG,
      title: 'Social hållbarhet: från perspektivträngsel till perspektivgemenskap',
      summary:
        'En eftermiddag med fokus på arbete med horisontella perspektiv. Flera kommuner berättar hur de med olika arbetssätt skapat bättre förutsättningar för att få arbetet att leva på tvären i organisationen. Sveriges Kommuner och Regioner presenterar ett stödmaterial för arbetet med horisontella perspektiv och Länsstyrelsen lyfter möjligheten till fortsatt stöd.',
      description:
        'Arbetet för jämlikhet utgår från mänskliga rättigheter, folkhälsa och hållbarhet. I offentlig sektor förväntas vi arbeta utifrån flera dimensioner, rättighetsområden och politiska mål. Dessutom vet vi att arbetet behöver ta avstamp i varje unik människas förutsättningar och levnadsvillkor. Det ställer i sin tur krav på att horisontella frågor så som barnrätt, jämställdhet och funktionsrätt samordnas. Vi behöver ta oss från perspektivträngsel till en perspektivgemenskap.',
      targetGroup:
        'Målgrupp för dagen är alla i Västra Götaland som är verksamma som strateger, analytiker, chefer och förtroendevalda och arbetar med frågor inom folkhälsa, mänskliga rättigheter, barnrätt, funktionsrätt, jämställdhet, Agenda 2030 och/eller social hållbarhet.',
      themes: ['Social hållbarhet', 'Mänskliga rättigheter', 'Folkhälsa', 'Jämställdhet', 'Agenda 2030'],
      startsAt: at(12, 30),
      endsAt: at(15, 45),
      placeKind: 'digital',
      meetingLink: 'https://mote.example.org/vastra-gotaland/perspektivgemenskap',
      practicalInfo:
        'Mötet öppnar 12.15. Du behöver ingen egen programvara: länken öppnas i webbläsaren. Ha gärna kameran på under samtalen.',
      costOre: 0,
      capacity: null,
      registrationClosesAt: endOfStockholmDay('2022-06-10'),
      contacts,
      programme: [
        talk(at(12, 30), 'Hur börjar vi resan från perspektivträngsel till perspektivgemenskap?', hosts),
        talk(at(13, 0), 'Samordning av horisontella perspektiv', [
          {
            name: 'Hedda Helhetsson',
            title: 'handläggare',
            organisation: 'Sveriges Kommuner och Regioner',
          },
        ]),
        pause(at(13, 45)),
        talk(at(14, 0), 'Trollhättan har skapat ett politiskt driv på tvären', [
          { name: 'Karin Kanalsdotter', title: 'hållbarhetsstrateg', organisation: trollhattan },
          {
            name: 'Maja Fallström',
            title: 'kommunalråd och ordförande för utskottet för social hållbarhet',
            organisation: trollhattan,
          },
        ]),
        talk(at(14, 25), 'Kungälv integrerar social hållbarhet i fysisk planering', [
          { name: 'Jonas Planberg', title: 'utvecklingsledare folkhälsa', organisation: 'Kungälvs kommun' },
        ]),
        pause(at(14, 50)),
        talk(at(15, 5), 'I Borås samlas perspektiven i ett rättighetsnätverk', [
          { name: 'Elin Nätverksson', title: 'Mänskliga rättighetsstrateg', organisation: 'Borås Stad' },
        ]),
        talk(at(15, 30), 'Fortsatt stöd från Länsstyrelsen', hosts),
        talk(at(15, 45), 'Avslut'),
      ],
    },
  };
}

const VNL_BOARD = { countyBoard: '22' } as const;
const VNL_REGION = { name: 'Region Västernorrland', type: 'region', countyCode: '22' } as const;

/** Seed 000's lecture series of the county board and the region: its text, the years around the first start. */
function seed000Series(year: number): DemoSeries {
  return {
    countyCode: '22',
    input: {
      slug: SEED_000_SERIES_SLUG,
      title: 'Digital föreläsningsserie inom det sociala hållbarhetsområdet',
      description: [
        'Enheten för Social hållbarhet på Länsstyrelsen Västernorrland samt enheten för Folkhälsa på Region Västernorrland erbjuder en föreläsningsserie inom det sociala hållbarhetsområdet. Syftet är att sprida kunskapsbaserat arbetssätt, forskningsresultat samt höja kompetensen inom olika områden såsom mänskliga rättigheter, folkhälsa, jämställdhet, integration och brottsförebyggande arbete. En del av föreläsningarna kan kopplas till covid-19.',
        'Föreläsningarna erbjuds i digital form via Skype samt filmade föreläsningar som varvas med diskussionsmöten utifrån givna ämnen. Målgrupp är framförallt yrkesverksamma inom kommuner men även andra aktörer i Västernorrlands län.',
        `Föreläsningsserien kommer erbjudas under år ${year} med eventuell fortsättning ${year + 1} om efterfrågan finns. Har du önskemål om innehåll, kontakta Ulla Önskemålsson vid länsstyrelsen via e-post: ulla.onskemalsson@example.org eller telefon: 070-174 06 50`,
        'Aktuellt program och information om anmälan finns i vår kalender.',
      ].join('\n\n'),
      startYear: year,
      endYear: year + 1,
    },
  };
}

const SERIES_TARGET_GROUP = 'Yrkesverksamma inom kommuner men även andra aktörer i Västernorrlands län.';
const SERIES_CONTACT: EventContact = {
  name: 'Ulla Önskemålsson',
  organisation: 'Länsstyrelsen Västernorrland',
  email: 'ulla.onskemalsson@example.org',
  phone: '070-174 06 50',
};

/** Seed 000's three lectures: one recorded (past, its film published), one live via Skype, one discussion meeting. */
function seed000Lectures(day: (offset: number) => string, now: Date): DemoEvent[] {
  const recorded = day(-26);
  const live = day(12);
  const meeting = day(33);
  const common = {
    countyCode: '22',
    organisers: [VNL_BOARD, VNL_REGION],
    series: SEED_000_SERIES_SLUG,
    publishedAt: new Date(now.getTime() - 40 * DAY),
  };
  return [
    {
      ...common,
      registrants: { confirmed: 18, cancelled: 1, attended: 15 },
      input: {
        slug: 'oro-och-utsatthet-i-tider-av-kris',
        title: 'Oro och utsatthet i tider av kris',
        summary:
          'Filmad föreläsning. I tider av kris så förstärks den ojämlikhet som redan finns i samhället.',
        description: [
          'I tider av kris så förstärks den ojämlikhet som redan finns i samhället. Coronaviruset påverkar allas vår vardag, barn som vuxna. De dagliga rutinerna förändras och de fysiska och sociala kontakterna minskar. En ökad isolering kan leda till särskild utsatthet, inte minst för de redan utsatta, och att människors rättigheter riskerar att kränkas.',
          'Region Västernorrland, Polismyndigheten, länets kommuner och Länsstyrelsen Västernorrland har därför tagit fram ett gemensamt informationsmaterial med utgångspunkt i den särskilda utsattheten som riskerar att öka med coronavirusets påverkan på samhället.',
          'Föreläsningen filmades och finns att se i efterhand.',
        ].join('\n\n'),
        targetGroup: SERIES_TARGET_GROUP,
        themes: ['Social hållbarhet', 'Folkhälsa', 'Mänskliga rättigheter'],
        startsAt: stockholmTime(recorded, 13, 0),
        endsAt: stockholmTime(recorded, 14, 30),
        placeKind: 'digital',
        address: 'Skype',
        meetingLink: 'https://mote.example.org/vasternorrland/oro-och-utsatthet',
        costOre: 0,
        capacity: null,
        registrationClosesAt: endOfStockholmDay(day(-28)),
        recordingUrl: 'https://film.example.org/vasternorrland/oro-och-utsatthet-i-tider-av-kris',
        contacts: [SERIES_CONTACT],
        programme: [
          talk(stockholmTime(recorded, 13, 0), 'Oro och utsatthet i tider av kris', [
            {
              name: 'Frida Folkhälsodotter',
              title: 'folkhälsostrateg',
              organisation: 'Region Västernorrland',
            },
          ]),
          discussion(stockholmTime(recorded, 14, 0), 'Frågor och samtal'),
        ],
      },
    },
    {
      ...common,
      registrants: { confirmed: 14 },
      input: {
        slug: 'manskliga-rattigheter-ett-rattighetsbaserat-arbetssatt',
        title: 'Mänskliga rättigheter: ett rättighetsbaserat arbetssätt i kommunen',
        summary:
          'Länsstyrelsen arbetar utifrån ett rättighetsbaserat arbetssätt, och ger stöd till kommuner och andra aktörer som arbetar med mänskliga rättigheter.',
        description: [
          'En digital föreläsning via Skype i seriens tema mänskliga rättigheter.',
          'Barnkonventionen som lag stärker barns mänskliga rättigheter i praktiken. Länsstyrelsen ger stöd till kommuner och regioner i arbetet med att tillämpa barnets rättigheter utifrån barnkonventionen.',
        ].join('\n\n'),
        targetGroup: SERIES_TARGET_GROUP,
        themes: ['Mänskliga rättigheter', 'Barnets rättigheter'],
        startsAt: stockholmTime(live, 9, 0),
        endsAt: stockholmTime(live, 10, 0),
        placeKind: 'digital',
        address: 'Skype',
        meetingLink: 'https://mote.example.org/vasternorrland/rattighetsbaserat-arbetssatt',
        practicalInfo: 'Anslut via länken några minuter före start. Föreläsningen filmas inte.',
        costOre: 0,
        capacity: null,
        registrationClosesAt: endOfStockholmDay(day(10)),
        contacts: [SERIES_CONTACT],
        programme: [
          talk(stockholmTime(live, 9, 0), 'Ett rättighetsbaserat arbetssätt', [
            { name: 'Rolf Rättighetsson', title: 'utvecklare', organisation: 'Länsstyrelsen Västernorrland' },
          ]),
          discussion(stockholmTime(live, 9, 45), 'Frågor'),
        ],
      },
    },
    {
      ...common,
      // Västernorrland's event ahead with a few places left.
      registrants: { confirmed: 22, cancelled: 1 },
      input: {
        slug: 'diskussionsmote-jamstalldhet-och-brottsforebyggande-arbete',
        title: 'Diskussionsmöte: jämställdhet och brottsförebyggande arbete',
        summary:
          'Ett diskussionsmöte utifrån givna ämnen, i samtal med andra yrkesverksamma i länet. Platserna är få, så att alla kommer till tals.',
        description: [
          'Länsstyrelsen arbetar för att länet ska bli jämställt. Jämställdhet handlar om att kvinnor och män ska ha samma möjlighet att forma samhället och sina egna liv.',
          'Länsstyrelsen har i uppdrag att stödja den regionala samordningen av det brottsförebyggande arbetet.',
          'Mötet utgår från seriens föreläsningar; se gärna den filmade föreläsningen innan.',
        ].join('\n\n'),
        targetGroup: SERIES_TARGET_GROUP,
        themes: ['Jämställdhet', 'Brottsförebyggande arbete'],
        startsAt: stockholmTime(meeting, 13, 0),
        endsAt: stockholmTime(meeting, 15, 0),
        placeKind: 'digital',
        address: 'Skype',
        meetingLink: 'https://mote.example.org/vasternorrland/diskussionsmote',
        practicalInfo: 'Du delas in i grupper om fem. Ha kamera och mikrofon påslagna.',
        costOre: 0,
        capacity: 25,
        registrationClosesAt: endOfStockholmDay(day(30)),
        contacts: [SERIES_CONTACT],
        programme: [
          talk(stockholmTime(meeting, 13, 0), 'Inledning', [
            { name: 'Ulla Önskemålsson', organisation: 'Länsstyrelsen Västernorrland' },
          ]),
          discussion(stockholmTime(meeting, 13, 15), 'Samtal i grupper: jämställdhet'),
          pause(stockholmTime(meeting, 14, 0)),
          discussion(stockholmTime(meeting, 14, 10), 'Samtal i grupper: brottsförebyggande arbete'),
          discussion(stockholmTime(meeting, 14, 45), 'Gemensam sammanfattning'),
        ],
      },
    },
  ];
}

/** The other demo counties' events ahead: a few places left in each; Uppsala also a full one with a waiting list. */
function countyEvents(day: (offset: number) => string, now: Date): DemoEvent[] {
  const publishedAt = new Date(now.getTime() - 21 * DAY);
  const uppsala = day(24);
  const webinar = day(9);
  const vasteras = day(19);
  const vg = day(28);
  return [
    {
      countyCode: '03',
      organisers: [{ countyBoard: '03' }, { name: 'Region Uppsala', type: 'region', countyCode: '03' }],
      publishedAt,
      registrants: { confirmed: 37, cancelled: 2 },
      input: {
        slug: 'samverkansdag-halsa-trygghet-och-goda-livsvillkor',
        title: 'Samverkansdag: hälsa, trygghet och goda livsvillkor i socioekonomiskt utsatta områden',
        summary:
          'Rådet för social hållbarhet bjuder in till en dag om länets första prioriterade samverkansområde, med barn och unga i fokus.',
        description:
          'Huvudsaklig målgrupp för insatserna är barn och unga och de närmaste runt barn och unga som skapar förutsättningar för en bra start i livet. Under dagen berättar kommuner och myndigheter om pågående insatser, och vi arbetar i grupper med insatsområdena.',
        targetGroup: 'Yrkesverksamma i kommuner, regionen och myndigheter i Uppsala län.',
        themes: ['Social hållbarhet', 'Brottsförebyggande arbete', 'Barnets rättigheter'],
        startsAt: stockholmTime(uppsala, 9, 0),
        endsAt: stockholmTime(uppsala, 15, 30),
        placeKind: 'address',
        address: 'Länsstyrelsen i Uppsala län, Hamnesplanaden 3, Uppsala',
        practicalInfo: 'Lunch ingår. Meddela specialkost i anmälan. Närmaste parkering: Hamnplan.',
        costOre: 0,
        capacity: 40,
        registrationClosesAt: endOfStockholmDay(day(17)),
        contacts: [
          {
            name: 'Ulla Upplänning',
            organisation: 'Länsstyrelsen i Uppsala län',
            email: 'uppsala@demo.test',
          },
        ],
        programme: [
          talk(stockholmTime(uppsala, 9, 0), 'Välkommen', [
            { name: 'Lena Landshövdingsson', organisation: 'Länsstyrelsen i Uppsala län' },
          ]),
          talk(stockholmTime(uppsala, 9, 30), 'Den gemensamma lägesbilden: vad säger den om barn och unga?', [
            {
              name: 'Ulla Upplänning',
              title: 'länsadministratör',
              organisation: 'Länsstyrelsen i Uppsala län',
            },
          ]),
          pause(stockholmTime(uppsala, 10, 30)),
          discussion(stockholmTime(uppsala, 10, 45), 'Insatsområdena i grupper'),
          pause(stockholmTime(uppsala, 12, 0)),
          talk(stockholmTime(uppsala, 13, 0), 'Trygga miljöer: erfarenheter från kommunerna', [
            { name: 'Knut Knivstabo', organisation: 'Knivsta kommun' },
            { name: 'Ebba Enköpingsbo', organisation: 'Enköpings kommun' },
          ]),
          discussion(stockholmTime(uppsala, 14, 15), 'Hur går vi vidare tillsammans?'),
          talk(stockholmTime(uppsala, 15, 15), 'Avslut'),
        ],
      },
    },
    {
      countyCode: '03',
      organisers: [{ countyBoard: '03' }],
      publishedAt,
      // Full: newcomers join the waiting list.
      registrants: { confirmed: 20, waiting: 4, cancelled: 1 },
      input: {
        slug: 'webbinarium-indikatorer-for-socioekonomiskt-utsatta-omraden',
        title: 'Webbinarium: indikatorer för socioekonomiskt utsatta områden',
        summary:
          'Hur rådet definierar ett socioekonomiskt utsatt område, och hur kommunerna kan följa sina egna områden med samma nyckeltal.',
        description:
          'Ett område räknas som socioekonomiskt utsatt när nettoinkomst, förvärvsarbete, gymnasiebehörighet och utbildningsnivå ligger under genomsnittet för landet, samt arbetslöshet, ekonomiskt bistånd och sjukdagar över det. Vi går igenom nyckeltalen och var de finns.',
        targetGroup: 'Analytiker och strateger i länets kommuner.',
        themes: ['Social hållbarhet', 'Indikatorer'],
        startsAt: stockholmTime(webinar, 10, 0),
        endsAt: stockholmTime(webinar, 11, 30),
        placeKind: 'digital',
        address: 'Teams',
        meetingLink: 'https://mote.example.org/uppsala/indikatorer',
        practicalInfo: 'Länken fungerar i webbläsaren. Webbinariet spelas inte in.',
        costOre: 0,
        capacity: 20,
        registrationClosesAt: endOfStockholmDay(day(7)),
        contacts: [
          {
            name: 'Ulla Upplänning',
            organisation: 'Länsstyrelsen i Uppsala län',
            email: 'uppsala@demo.test',
          },
        ],
        programme: [
          talk(stockholmTime(webinar, 10, 0), 'Nyckeltalen och varifrån de kommer', [
            {
              name: 'Ulla Upplänning',
              title: 'länsadministratör',
              organisation: 'Länsstyrelsen i Uppsala län',
            },
          ]),
          discussion(stockholmTime(webinar, 11, 0), 'Frågor'),
        ],
      },
    },
    {
      countyCode: '19',
      organisers: [{ countyBoard: '19' }, { name: 'Region Västmanland', type: 'region', countyCode: '19' }],
      publishedAt,
      registrants: { confirmed: 56, cancelled: 3 },
      input: {
        slug: 'samverkansradet-for-social-hallbarhet-prioriterade-omraden',
        title: 'Samverkansrådet för social hållbarhet: att våga prioritera',
        summary:
          'Integrations- och jämställdhetsråden har blivit ett samverkansråd. Nu ska rådet enas kring några prioriterade insatsområden: kom och tyck till.',
        description:
          'Rådet är sektorsövergripande och består av personer i ledande positioner från kommuner, statliga myndigheter, Region Västmanland, näringslivet och civilsamhället. De prioriteringar rådet gör är av inriktningskaraktär och ska komplettera och stärka aktörernas ordinarie styrning.',
        targetGroup: 'Rådets medlemsorganisationer och andra aktörer i Västmanlands län.',
        themes: ['Social hållbarhet', 'Integration', 'Jämställdhet'],
        startsAt: stockholmTime(vasteras, 8, 30),
        endsAt: stockholmTime(vasteras, 12, 0),
        placeKind: 'address',
        address: 'Länsstyrelsen Västmanlands län, Stora Torget 3, Västerås',
        practicalInfo: 'Frukost från 8.00. Entrén är från Stora Torget.',
        costOre: 0,
        capacity: 60,
        registrationClosesAt: endOfStockholmDay(day(12)),
        contacts: [
          {
            name: 'Viktor Västman',
            organisation: 'Länsstyrelsen i Västmanlands län',
            email: 'vastmanland@demo.test',
          },
        ],
        programme: [
          talk(stockholmTime(vasteras, 8, 30), 'Från två råd till ett', [
            {
              name: 'Viktor Västman',
              title: 'länsadministratör',
              organisation: 'Länsstyrelsen i Västmanlands län',
            },
          ]),
          discussion(stockholmTime(vasteras, 9, 15), 'Vilka frågor kan vi samlas kring?'),
          pause(stockholmTime(vasteras, 10, 15)),
          discussion(stockholmTime(vasteras, 10, 30), 'Förslag till prioriterade insatsområden'),
          talk(stockholmTime(vasteras, 11, 45), 'Avslut och fortsatt arbete'),
        ],
      },
    },
    {
      countyCode: '14',
      organisers: [{ countyBoard: '14' }],
      publishedAt,
      registrants: { confirmed: 46, cancelled: 2 },
      input: {
        slug: 'horisontella-perspektiv-i-praktiken-uppfoljning',
        title: 'Horisontella perspektiv i praktiken: uppföljning',
        summary:
          'En uppföljning av eftermiddagen om perspektivgemenskap: hur har arbetet på tvären gått sedan dess?',
        description:
          'Kommuner som deltog i arbetet med horisontella perspektiv berättar vad som hänt sedan sist, och Länsstyrelsen berättar om stödet framåt.',
        targetGroup:
          'Strateger, analytiker, chefer och förtroendevalda i Västra Götaland som arbetar med social hållbarhet.',
        themes: ['Social hållbarhet', 'Mänskliga rättigheter', 'Agenda 2030'],
        startsAt: stockholmTime(vg, 13, 0),
        endsAt: stockholmTime(vg, 15, 0),
        placeKind: 'digital',
        meetingLink: 'https://mote.example.org/vastra-gotaland/uppfoljning',
        practicalInfo: 'Länken fungerar i webbläsaren.',
        costOre: 0,
        capacity: 50,
        registrationClosesAt: endOfStockholmDay(day(23)),
        contacts: [
          {
            name: 'Greta Göta',
            organisation: 'Länsstyrelsen i Västra Götalands län',
            email: 'vastra-gotaland@demo.test',
          },
        ],
        programme: [
          talk(stockholmTime(vg, 13, 0), 'Sedan sist', [
            { name: 'Tuva Tvärgren', organisation: 'Länsstyrelsen Västra Götaland' },
          ]),
          talk(stockholmTime(vg, 13, 30), 'Tre kommuner berättar'),
          pause(stockholmTime(vg, 14, 15)),
          discussion(stockholmTime(vg, 14, 25), 'Samtal: vad behöver ni för stöd?'),
        ],
      },
    },
  ];
}

// ---- Writing -----------------------------------------------------------------------------------------------

async function organisationOf(tx: Tx, ref: OrganiserRef): Promise<Organisation> {
  if ('countyBoard' in ref) {
    const board = await findCountyBoard(tx, ref.countyBoard);
    if (!board) throw new Error(`Demodata: länsstyrelsen saknas (${ref.countyBoard})`);
    return board;
  }
  const found = await findOrganisationByName(tx, ref.name);
  if (found) return found;
  await insertOrganisations(tx, [{ name: ref.name, type: ref.type, countyCode: ref.countyCode }]);
  return (await findOrganisationByName(tx, ref.name))!;
}

/** The registrations of a demo event: invented people from the county's municipalities and region, in arrival order. */
async function insertRegistrants(
  tx: Tx,
  event: repo.EventRow,
  plan: RegistrantPlan,
  now: Date,
  offset: number,
): Promise<void> {
  const municipalities = (
    await listOrganisations(tx, { countyCode: event.countyCode, type: 'municipality' })
  ).sort((a, b) => (a.municipalityCode ?? '').localeCompare(b.municipalityCode ?? ''));
  const [region] = await listOrganisations(tx, { countyCode: event.countyCode, type: 'region' });
  const statuses = [
    ...Array<'confirmed'>(plan.confirmed).fill('confirmed'),
    ...Array<'cancelled'>(plan.cancelled ?? 0).fill('cancelled'),
    ...Array<'waiting'>(plan.waiting ?? 0).fill('waiting'),
  ];
  // Cancellations happen among the early ones; the waiting list is the last to come.
  if (plan.cancelled) statuses.splice(3, 0, ...statuses.splice(plan.confirmed, plan.cancelled));
  const from = event.publishedAt ?? event.createdAt;
  const until = new Date(Math.min(now.getTime(), event.registrationClosesAt.getTime()) - 3_600_000);
  const past = now >= event.endsAt;
  let attended = plan.attended ?? 0;
  for (const [i, status] of statuses.entries()) {
    const who = person(offset + i);
    const org = i % 5 === 4 && region ? region : municipalities[(offset + i * 3) % municipalities.length];
    const at = new Date(
      from.getTime() + ((i + 1) / (statuses.length + 1)) * (until.getTime() - from.getTime()),
    );
    const came = past && status === 'confirmed' ? attended-- > 0 : null;
    await repo.insertRegistration(tx, {
      eventId: event.id,
      countyCode: event.countyCode,
      status,
      name: plan.anonymised ? null : who.name,
      email: plan.anonymised ? null : who.email,
      organisationName: plan.anonymised ? null : (org?.name ?? null),
      organisationType: org?.type ?? null,
      municipalityCode: org?.municipalityCode ?? null,
      consentAt: at,
      confirmedAt: status === 'confirmed' ? at : null,
      cancelledAt: status === 'cancelled' ? new Date(at.getTime() + 2 * DAY) : null,
      cancelReason: status === 'cancelled' ? 'registrant' : null,
      attended: came,
      anonymisedAt: plan.anonymised ? new Date(event.endsAt.getTime() + 90 * DAY) : null,
      createdAt: at,
      updatedAt: at,
    });
  }
}

async function insertDemoEvent(tx: Tx, demo: DemoEvent, now: Date, offset: number): Promise<boolean> {
  if (await repo.findEventBySlug(tx, demo.countyCode, demo.input.slug)) return false;
  const organisers = [];
  for (const ref of demo.organisers) organisers.push((await organisationOf(tx, ref)).id);
  const series = demo.series ? await repo.findSeriesBySlug(tx, demo.countyCode, demo.series) : undefined;
  // The product's own rules check the demo, as they would an organiser's form.
  const { organisationIds, programme, ...input } = eventInputSchema.parse({
    ...demo.input,
    organisationIds: organisers,
    seriesId: series?.id ?? null,
  });
  const past = now >= input.endsAt;
  const event = await repo.insertEvent(tx, {
    ...input,
    countyCode: demo.countyCode,
    status: 'published',
    publishedAt: demo.publishedAt,
    registrantsAnonymisedAt: demo.registrants?.anonymised
      ? new Date(input.endsAt.getTime() + 90 * DAY)
      : null,
    createdAt: new Date(demo.publishedAt.getTime() - 2 * DAY),
    updatedAt: past ? input.endsAt : demo.publishedAt,
  });
  await repo.replaceOrganisers(tx, event.id, demo.countyCode, organisationIds);
  await repo.replaceProgramme(tx, event.id, demo.countyCode, programme);
  if (demo.registrants) await insertRegistrants(tx, event, demo.registrants, now, offset);
  return true;
}

/**
 * Seeds the events' demo data (demo mode), placed around `now` (the day of the first start); seed 004 keeps its
 * own day. Returns how many events it added: none on a second start.
 */
export async function seedEventsDemo(db: Db, now = new Date()): Promise<number> {
  const day = (offset: number) => stockholmDate(new Date(now.getTime() + offset * DAY));
  const year = Number(stockholmDate(now).slice(0, 4));
  const series = seed000Series(year);
  const planned = [seed004(), ...seed000Lectures(day, now), ...countyEvents(day, now)];
  return db.transaction(async (tx) => {
    if (!(await repo.findSeriesBySlug(tx, series.countyCode, series.input.slug))) {
      const input = seriesInputSchema.parse(series.input);
      await repo.insertSeries(tx, {
        countyCode: series.countyCode,
        slug: series.input.slug,
        title: input.title,
        description: input.description,
        startYear: input.startYear,
        endYear: input.endYear,
      });
    }
    let added = 0;
    for (const [n, demo] of planned.entries()) {
      if (await insertDemoEvent(tx, demo, now, n * 7)) added++;
    }
    return added;
  });
}
