/**
 * The demo's public pages (demo mode only): seed 000's page for Västernorrland with its introduction, the eleven
 * themes in the seed's words, the lecture series and the crisis material, and contacts; a start page and news
 * for Uppsala, Västmanland and Västra Götaland; national news; and Västra Götaland's warning banner (seed 004).
 * Every person is invented (the seed's contact person is replaced by one), and their phone numbers are in the
 * series PTS keeps for fiction (070-174 06 05 to 070-174 06 99).
 */
import type { ThemeKey } from './themes.ts';

export interface DemoContact {
  key: string;
  kind: 'person' | 'function';
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
}

export interface DemoPage {
  /** a theme page's theme, or a free page's slug */
  theme?: ThemeKey;
  slug?: string;
  title: string;
  summary: string;
  body: string;
  themes?: ThemeKey[];
  contacts?: string[];
}

export interface DemoNews {
  slug: string;
  title: string;
  summary: string;
  body: string;
  themes: ThemeKey[];
  /** days before the demo's first start */
  daysAgo: number;
}

export interface DemoCounty {
  code: string;
  requiresReview: boolean;
  supportEmail: string;
  supportPhone: string | null;
  start: DemoPage;
  pages: DemoPage[];
  contacts: DemoContact[];
  news: DemoNews[];
}

const VN_CONTACTS: DemoContact[] = [
  {
    key: 'unit',
    kind: 'function',
    name: 'Enheten för social hållbarhet',
    role: 'Länsstyrelsen Västernorrland',
    email: 'social.hallbarhet.vasternorrland@demo.test',
    phone: '070-174 06 05',
  },
  {
    key: 'lectures',
    kind: 'person',
    name: 'Maja Norrström',
    role: 'Samordnare, föreläsningsserien',
    email: 'maja.norrstrom@demo.test',
    phone: '070-174 06 06',
  },
  {
    key: 'andts',
    kind: 'person',
    name: 'Jonas Ådalen',
    role: 'Samordnare ANDTS',
    email: 'jonas.adalen@demo.test',
    phone: '070-174 06 07',
  },
  {
    key: 'violence',
    kind: 'person',
    name: 'Elin Höga Kusten',
    role: 'Samordnare mot mäns våld mot kvinnor',
    email: 'elin.hogakusten@demo.test',
    phone: '070-174 06 08',
  },
];

const theme = (
  key: ThemeKey,
  title: string,
  summary: string,
  more: string,
  contacts: string[] = ['unit'],
): DemoPage => ({
  theme: key,
  title,
  summary,
  body: `${summary}\n\n${more}`,
  themes: [key],
  contacts,
});

export const DEMO_SITE: readonly DemoCounty[] = [
  {
    code: '22',
    requiresReview: true,
    supportEmail: 'social.hallbarhet.vasternorrland@demo.test',
    supportPhone: '070-174 06 05',
    start: {
      title: 'Social hållbarhet',
      summary: 'Länsstyrelsen har flera uppdrag inom arbetet för social hållbarhet.',
      body: [
        'Länsstyrelsen har flera uppdrag inom arbetet för social hållbarhet. Inom de sociala frågorna berörs bland annat integration, jämställdhet och mänskliga rättigheter.',
        'I vårt uppdrag ingår bland annat att stärka samverkan mellan myndigheter, kommuner, regioner, civilsamhällets organisationer och andra aktörer. På dessa sidor hittar du också råd och stöd samt information om hur vi arbetar med att stödja organisationer som arbetar med frågor som rör social hållbarhet.',
      ].join('\n\n'),
      contacts: ['unit'],
    },
    contacts: VN_CONTACTS,
    pages: [
      theme(
        'integration',
        'Integration',
        'Länsstyrelsen driver och deltar i planering, organisering, genomförande och uppföljning av integrationsinsatser. Arbetet sker oftast tillsammans med andra aktörer.',
        '## Så arbetar vi\n\n- samordnar länets aktörer i mottagandet av nyanlända\n- fördelar statsbidrag för insatser för asylsökande\n- följer upp och sprider goda exempel',
      ),
      theme(
        'andts',
        'ANDTS',
        'Länsstyrelsen har ett särskilt ansvar för att samordna och utveckla det förebyggande arbetet mot alkohol, narkotika, dopning, tobak och spel (ANDTS) i länet. Vi har också ett regionalt tillsynsansvar inom alkohol och tobak.',
        '## Stöd till kommunerna\n\nVi erbjuder utbildningar, nätverksträffar och stöd i kommunernas tillsyn.',
        ['andts'],
      ),
      theme(
        'violence',
        'Mäns våld mot kvinnor',
        'Länsstyrelserna har ett särskilt ansvar för att den nationella strategin för att förebygga och bekämpa mäns våld mot kvinnor får genomslag i länen. Vår roll är att stödja och skapa förutsättningar för att varje län ska uppnå intentionerna i den nationella strategin.',
        '## Behöver du hjälp?\n\nRing Kvinnofridslinjen på 020-50 50 50, dygnet runt. Vid akut fara: ring 112.',
        ['violence'],
      ),
      theme(
        'gender-equality',
        'Jämställdhet',
        'Länsstyrelsen arbetar för att länet ska bli jämställt. Jämställdhet handlar om att kvinnor och män ska ha samma möjlighet att forma samhället och sina egna liv.',
        'Vi stödjer länets aktörer i jämställdhetsintegrering och följer upp de jämställdhetspolitiska målen i länet.',
      ),
      theme(
        'crime-prevention',
        'Brottsförebyggande arbete',
        'Länsstyrelsen har i uppdrag att stödja den regionala samordningen av det brottsförebyggande arbetet.',
        'Vi samordnar länets brottsförebyggande nätverk tillsammans med polisen och regionen.',
      ),
      theme(
        'human-rights',
        'Mänskliga rättigheter',
        'Länsstyrelsen arbetar utifrån ett rättighetsbaserat arbetssätt, och ger stöd till kommuner och andra aktörer som arbetar med mänskliga rättigheter.',
        'Ett rättighetsbaserat arbetssätt bygger på principerna om icke-diskriminering, delaktighet, transparens och ansvarsutkrävande.',
      ),
      theme(
        'parenting-support',
        'Föräldraskapsstöd',
        'Föräldraskapsstöd är ett brett begrepp som innefattar olika insatser riktade till föräldrar. Länsstyrelsen samarbetar med kommuner, landsting, regioner och andra aktörer i arbetet med att utveckla föräldraskapsstöd.',
        'Vi samordnar ett regionalt nätverk för föräldraskapsstöd och sprider kunskap om evidensbaserade program.',
      ),
      theme(
        'personal-ombud',
        'Personligt ombud',
        'Kommuner som bedriver verksamhet med personligt ombud kan ansöka om statsbidrag hos Länsstyrelsen för delfinansiering.',
        'Ett personligt ombud stödjer personer med psykisk funktionsnedsättning att få sina behov tillgodosedda.',
      ),
      theme(
        'disability',
        'Funktionshinder',
        'Länsstyrelsen ger stöd till kommuner och landsting/regioner i arbetet med att genomföra funktionshinderpolitiska planer och strategier.',
        'Vi följer upp hur länets aktörer arbetar med tillgänglighet och delaktighet.',
      ),
      theme(
        'child-rights',
        'Barnets rättigheter och barnkonventionen',
        'Barnkonventionen som lag stärker barns mänskliga rättigheter i praktiken. Länsstyrelsen ger stöd till kommuner och regioner i arbetet med att tillämpa barnets rättigheter utifrån barnkonventionen.',
        'Vi erbjuder utbildningar i barnrättsbaserat arbetssätt och barnkonsekvensanalyser.',
      ),
      theme(
        'minorities',
        'Nationella minoriteter och minoritetsspråk',
        'Sveriges fem nationella minoriteter är judar, romer, sverigefinnar, samer och tornedalingar. Kommuner och regioner är skyldiga att anta mål och riktlinjer för sitt minoritetspolitiska arbete.',
        'Vi stödjer kommunerna i arbetet med att ta fram mål och riktlinjer och i samråd med minoriteterna.',
      ),
      {
        slug: 'forelasningsserie',
        title: 'Digital föreläsningsserie inom det sociala hållbarhetsområdet',
        summary:
          'Länsstyrelsen och Region Västernorrland erbjuder en föreläsningsserie inom det sociala hållbarhetsområdet.',
        body: [
          'Enheten för Social hållbarhet på Länsstyrelsen Västernorrland samt enheten för Folkhälsa på Region Västernorrland erbjuder en föreläsningsserie inom det sociala hållbarhetsområdet. Syftet är att sprida kunskapsbaserat arbetssätt, forskningsresultat samt höja kompetensen inom olika områden såsom mänskliga rättigheter, folkhälsa, jämställdhet, integration och brottsförebyggande arbete.',
          'Föreläsningarna erbjuds i digital form samt som filmade föreläsningar som varvas med diskussionsmöten utifrån givna ämnen. Målgrupp är framförallt yrkesverksamma inom kommuner men även andra aktörer i Västernorrlands län.',
          'Har du önskemål om innehåll? Kontakta samordnaren för föreläsningsserien (se kontaktuppgifterna nedan).',
          'Aktuellt program och information om anmälan finns i [länets kalender](/vasternorrland/kalender).',
        ].join('\n\n'),
        themes: ['human-rights', 'gender-equality', 'integration', 'crime-prevention'],
        contacts: ['lectures'],
      },
      {
        slug: 'oro-och-utsatthet-i-tider-av-kris',
        title: 'Oro och utsatthet i tider av kris',
        summary: 'I tider av kris så förstärks den ojämlikhet som redan finns i samhället.',
        body: [
          'I tider av kris så förstärks den ojämlikhet som redan finns i samhället. Coronaviruset påverkar allas vår vardag, barn som vuxna. De dagliga rutinerna förändras och de fysiska och sociala kontakterna minskar. En ökad isolering kan leda till särskild utsatthet, inte minst för de redan utsatta, och att människors rättigheter riskerar att kränkas.',
          'Region Västernorrland, Polismyndigheten, länets kommuner och Länsstyrelsen Västernorrland har därför tagit fram ett gemensamt informationsmaterial med utgångspunkt i den särskilda utsattheten som riskerar att öka med coronavirusets påverkan på samhället.',
          '## Här kan du få stöd\n\n| Vem | Telefon |\n| --- | --- |\n| Kvinnofridslinjen | 020-50 50 50 |\n| BRIS (för barn och unga) | 116 111 |\n| Vid akut fara | 112 |',
        ].join('\n\n'),
        themes: ['violence', 'child-rights', 'human-rights'],
        contacts: ['violence', 'unit'],
      },
    ],
    news: [
      {
        slug: 'nya-forelasningar-i-var',
        title: 'Nya föreläsningar i vår',
        summary:
          'Föreläsningsserien fortsätter med tre nya föreläsningar om mänskliga rättigheter och folkhälsa.',
        body: 'Föreläsningsserien fortsätter. Se programmet och anmäl dig i [kalendern](/vasternorrland/kalender).',
        themes: ['human-rights'],
        daysAgo: 3,
      },
      {
        slug: 'natverkstraff-andts',
        title: 'Nätverksträff för länets ANDTS-samordnare',
        summary: 'Välkommen till höstens nätverksträff om det förebyggande arbetet mot spel om pengar.',
        body: 'Träffen hålls digitalt. Inbjudan skickas till kommunernas samordnare.',
        themes: ['andts'],
        daysAgo: 12,
      },
    ],
  },
  {
    code: '03',
    requiresReview: false,
    supportEmail: 'social.hallbarhet.uppsala@demo.test',
    supportPhone: null,
    start: {
      title: 'Social hållbarhet i Uppsala län',
      summary:
        'Länsstyrelsen samordnar länets råd för social hållbarhet och stödjer kommunerna i arbetet för trygghet och jämlikhet.',
      body: 'Rådet för social hållbarhet samlar länets kommuner, Region Uppsala och statliga myndigheter. Här hittar du rådets arbete, länets teman och aktuella evenemang.',
    },
    pages: [],
    contacts: [],
    news: [
      {
        slug: 'radet-antog-strategi',
        title: 'Rådet för social hållbarhet antog strategin 2024–2030',
        summary: 'Strategin pekar ut fyra visioner för ett tryggare och mer jämlikt län.',
        body: 'Läs mer om strategin på rådets sida.',
        themes: ['crime-prevention', 'human-rights'],
        daysAgo: 5,
      },
      {
        slug: 'lagesbild-2026',
        title: 'Den gemensamma lägesbilden är sammanställd',
        summary: 'Kommunernas bedömningar av risker och åtgärder är nu sammanställda för länet.',
        body: 'Den regionala lägesbilden ligger till grund för rådets fortsatta fokusområden.',
        themes: ['crime-prevention'],
        daysAgo: 20,
      },
    ],
  },
  {
    code: '19',
    requiresReview: false,
    supportEmail: 'social.hallbarhet.vastmanland@demo.test',
    supportPhone: null,
    start: {
      title: 'Social hållbarhet i Västmanlands län',
      summary:
        'Länsstyrelsen, kommunerna och Region Västmanland samverkar i ett gemensamt råd för social hållbarhet.',
      body: 'Rådet bildades när länets två tidigare råd slogs samman. Här hittar du rådet, teman och nyheter.',
    },
    pages: [],
    contacts: [],
    news: [
      {
        slug: 'sammanslaget-rad',
        title: 'Ett gemensamt råd för hela länet',
        summary: 'De två tidigare råden har slagits samman till ett råd för social hållbarhet.',
        body: 'Det sammanslagna rådet har sitt första möte i vår.',
        themes: ['human-rights'],
        daysAgo: 8,
      },
    ],
  },
  {
    code: '14',
    requiresReview: false,
    supportEmail: 'social.hallbarhet.vastragotaland@demo.test',
    supportPhone: null,
    start: {
      title: 'Social hållbarhet i Västra Götalands län',
      summary:
        'Från perspektivträngsel till perspektivgemenskap: länsstyrelsen stödjer arbetet med horisontella perspektiv.',
      body: 'Barnrätt, jämställdhet och funktionsrätt behöver samordnas. Här hittar du stöd, nyheter och evenemang.',
    },
    pages: [],
    contacts: [],
    news: [
      {
        slug: 'stodmaterial-horisontella-perspektiv',
        title: 'Stödmaterial för horisontella perspektiv',
        summary:
          'Sveriges Kommuner och Regioner har tagit fram ett stödmaterial för arbetet med horisontella perspektiv.',
        body: 'Materialet presenterades på eftermiddagen om perspektivgemenskap.',
        themes: ['child-rights', 'gender-equality', 'disability'],
        daysAgo: 2,
      },
    ],
  },
];

/** National news from the coordinator (the national start page). */
export const DEMO_NATIONAL_NEWS: readonly DemoNews[] = [
  {
    slug: 'nationell-lagesbild-oppnar',
    title: 'Den nationella lägesbilden öppnar för länen',
    summary: 'Länsstyrelserna kan nu öppna rapporteringen för sina kommuner.',
    body: 'Den nationella samordnaren har öppnat årets rapporteringsomgång. Sista svarsdag framgår av omgången.',
    themes: ['crime-prevention'],
    daysAgo: 1,
  },
];

/** Västra Götaland's warning banner (seed 004), in force for a week from the demo's first start. */
export const DEMO_BANNER = {
  countyCode: '14',
  level: 'warning' as const,
  message: 'Risk för vattenbrist i Västra Götalands län.',
  linkUrl: 'https://www.smhi.se/',
  linkText: 'Läs mer på SMHI:s webbplats om aktuellt meddelande',
  days: 7,
};
