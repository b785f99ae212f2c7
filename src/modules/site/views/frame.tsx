import type { CountySupport } from '../../../platform/page-context.ts';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { urls } from '../urls.ts';

/**
 * The public-sector frame's pages, linked from every page's footer: the accessibility statement (in the form
 * DIGG describes), how personal data is handled, the cookies and the support contacts. Swedish, as the law's
 * texts are; written to be read by a resident, not a lawyer.
 */

/** When this statement and the privacy notice were last reviewed against the service (a fixed, honest date). */
export const FRAME_REVIEWED = '1 december 2026';

const DIGG_REPORT = 'https://www.digg.se/tdosanmalan';
const IMY = 'https://www.imy.se/privatperson/utfora-arenden/lamna-ett-klagomal/';

function External({ href, children }: { href: string; children: string }): JSX.Element {
  return (
    <a class="govuk-link" href={href} rel="noopener" safe>
      {children}
    </a>
  );
}

export function AccessibilityPage({ ctx, publicUrl }: { ctx: PageContext; publicUrl: string }): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Tillgänglighetsredogörelse"
      description="Hur Samverkan uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du rapporterar problem."
    >
      <div class="sv-prose">
        <p class="govuk-body-l">
          Länsstyrelserna står bakom Samverkan. Vi vill att så många som möjligt ska kunna använda tjänsten.
          Här beskriver vi hur Samverkan uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig
          service, vilka brister vi känner till och hur du kan rapportera problem till oss så att vi kan
          åtgärda dem.
        </p>

        <h2 class="govuk-heading-m">Vilken webbplats gäller redogörelsen?</h2>
        <p class="govuk-body">
          Redogörelsen gäller hela Samverkan på <span safe>{publicUrl}</span>: den nationella startsidan,
          varje läns sidor om social hållbarhet, kalendern, rådens sidor och de delar som kräver inloggning.
        </p>

        <h2 class="govuk-heading-m">Hur tillgänglig är webbplatsen?</h2>
        <p class="govuk-body">
          Vi känner till att delar av webbplatsen inte är helt tillgängliga. Se avsnittet om innehåll som inte
          är tillgängligt nedan.
        </p>

        <h2 class="govuk-heading-m">Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
        <p class="govuk-body">
          Om du behöver innehåll i ett annat format, till exempel ett dokument som inte går att läsa med din
          skärmläsare, kontakta länsstyrelsen i det län som innehållet gäller. Kontaktuppgifterna finns på
          sidan{' '}
          <a class="govuk-link" href={urls.support()}>
            Kontakt och support
          </a>
          . Vi svarar normalt inom två arbetsdagar.
        </p>

        <h2 class="govuk-heading-m">Rapportera brister i webbplatsens tillgänglighet</h2>
        <p class="govuk-body">
          Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte
          beskrivs här, eller om du anser att vi inte uppfyller lagens krav, kontakta oss via{' '}
          <a class="govuk-link" href={urls.support()}>
            Kontakt och support
          </a>{' '}
          så att vi får veta att problemet finns. Skriv gärna vilken sida det gäller och vad som inte
          fungerade.
        </p>

        <h2 class="govuk-heading-m">Tillsyn</h2>
        <p class="govuk-body">
          Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet
          till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{' '}
          <External href={DIGG_REPORT}>kontakta Digg och påtala det</External>.
        </p>

        <h2 class="govuk-heading-m">Teknisk information om webbplatsens tillgänglighet</h2>
        <p class="govuk-body">
          Webbplatsen är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig
          service, det vill säga med WCAG 2.1 nivå AA, på grund av de brister som beskrivs nedan.
        </p>

        <h3 class="govuk-heading-s">Innehåll som inte är tillgängligt</h3>
        <p class="govuk-body">Bristande förenlighet med lagkraven:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>
            Dokument som kommuner, råd och andra organisationer laddar upp (PDF, Word och Excel) granskas inte
            av oss innan de publiceras. De kan sakna rubrikstruktur, taggning eller alternativtexter till
            bilder och diagram (WCAG 1.1.1, 1.3.1 och 2.4.2). Be om dokumentet i ett annat format om du inte
            kan läsa det.
          </li>
          <li>
            Kartorna över län och kommuner i lägesbilden och på startsidan använder färger för att visa
            nivåer. Varje område har också sin nivå i text och en tabell med samma uppgifter, men på en mycket
            smal skärm eller vid kraftig förstoring behöver kartan rullas i sidled (WCAG 1.4.10).
          </li>
          <li>
            Bilder på länens sidor, i nyheter och evenemang har alternativtexter som redaktörerna skriver. Vi
            kan inte garantera att varje text beskriver bilden tillräckligt (WCAG 1.1.1).
          </li>
          <li>
            Med det engelska gränssnittet översätts menyer, knappar och meddelanden, men länens sidor, nyheter
            och evenemang visas på svenska.
          </li>
        </ul>

        <h2 class="govuk-heading-m">Hur vi testat webbplatsen</h2>
        <p class="govuk-body">
          Vi har själva granskat Samverkan (intern testning). Varje sida kontrolleras automatiskt med
          verktyget axe i en riktig webbläsare varje gång tjänsten ändras, och de viktigaste flödena, som att
          anmäla sig till ett evenemang eller svara på en enkät, prövas med enbart tangentbord.
        </p>
        <p class="govuk-body">
          Senaste bedömningen gjordes den {FRAME_REVIEWED}. Redogörelsen uppdaterades senast den{' '}
          {FRAME_REVIEWED}.
        </p>
      </div>
    </Layout>
  );
}

export function PrivacyPage({
  ctx,
  eventRetentionDays,
}: {
  ctx: PageContext;
  eventRetentionDays: number;
}): JSX.Element {
  const rows: Array<{ purpose: string; data: string; basis: string; kept: string }> = [
    {
      purpose: 'Konton för dig som arbetar i tjänsten',
      data: 'Namn, e-postadress, organisation och roll; när du loggade in.',
      basis: 'Uppgift av allmänt intresse och myndighetsutövning (artikel 6.1 e i dataskyddsförordningen).',
      kept: 'Så länge du har ett uppdrag i tjänsten. En inloggning gäller i högst 8 timmar utan aktivitet.',
    },
    {
      purpose: 'Anmälan till evenemang',
      data: 'Namn, e-postadress, organisation, kommun och dina svar på anmälans frågor, till exempel om specialkost eller tillgänglighetsbehov.',
      basis:
        'Uppgift av allmänt intresse (artikel 6.1 e). Uppgifter om kost och tillgänglighet lämnar du frivilligt och de används bara för evenemanget.',
      kept: `Tas bort ${eventRetentionDays} dagar efter att evenemanget har avslutats.`,
    },
    {
      purpose: 'Kontaktformulär till ett råds kansli',
      data: 'Namn, e-postadress och ditt meddelande.',
      basis: 'Uppgift av allmänt intresse (artikel 6.1 e).',
      kept: 'Sparas inte i Samverkan: meddelandet skickas som e-post till kansliet och hanteras där som annan post till myndigheten.',
    },
    {
      purpose: 'Händelselogg över ändringar',
      data: 'Vem som ändrade vad och när, för dig som är inloggad.',
      basis:
        'Rättslig förpliktelse och allmänt intresse: myndigheten ska kunna visa hur ett beslut eller en uppgift har ändrats.',
      kept: 'Så länge arkivreglerna kräver.',
    },
    {
      purpose: 'Tekniska loggar och skydd mot missbruk',
      data: 'IP-adress, vilken sida som efterfrågades och när.',
      basis: 'Uppgift av allmänt intresse (artikel 6.1 e): att hålla tjänsten säker och rätta fel.',
      kept: 'Högst 90 dagar. Räknare mot upprepade försök sparas i några minuter.',
    },
  ];
  return (
    <Layout
      ctx={ctx}
      title="Så behandlar vi personuppgifter"
      description="Vem som ansvarar för personuppgifterna i Samverkan, varför de behandlas, hur länge de sparas och vilka rättigheter du har."
    >
      <div class="sv-prose">
        <p class="govuk-body-l">
          Här beskriver vi vilka personuppgifter Samverkan behandlar, varför, med vilket stöd i lagen och hur
          länge de sparas.
        </p>
        <h2 class="govuk-heading-m">Vem ansvarar för dina personuppgifter?</h2>
        <p class="govuk-body">
          Personuppgiftsansvarig är den länsstyrelse vars del av tjänsten du använder: länsstyrelsen i det län
          som evenemanget, rådet eller sidan hör till. För den nationella samordningen och de nationella
          nyheterna är det den länsstyrelse som samordnar arbetet. Varje länsstyrelse har ett dataskyddsombud
          som du kan kontakta om hur dina uppgifter behandlas; kontaktuppgifterna finns på{' '}
          <External href="https://www.lansstyrelsen.se/">lansstyrelsen.se</External> och på sidan{' '}
          <a class="govuk-link" href={urls.support()}>
            Kontakt och support
          </a>
          .
        </p>
      </div>
      <h2 class="govuk-heading-m">Varför vi behandlar uppgifterna och hur länge</h2>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">
          Ändamål, uppgifter, rättslig grund och lagringstid
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Ändamål
            </th>
            <th scope="col" class="govuk-table__header">
              Uppgifter
            </th>
            <th scope="col" class="govuk-table__header">
              Rättslig grund
            </th>
            <th scope="col" class="govuk-table__header">
              Hur länge
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {rows.map((r) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header" safe>
                {r.purpose}
              </th>
              <td class="govuk-table__cell" safe>
                {r.data}
              </td>
              <td class="govuk-table__cell" safe>
                {r.basis}
              </td>
              <td class="govuk-table__cell" safe>
                {r.kept}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="sv-prose">
        <p class="govuk-body">
          Det du skickar till en länsstyrelse kan bli en allmän handling enligt offentlighetsprincipen.
          Uppgifter lämnas inte till någon annan än den som behöver dem för ändamålet, och aldrig för
          marknadsföring. Tjänsten använder inga verktyg för besöksstatistik eller annonsering.
        </p>
        <h2 class="govuk-heading-m">Dina rättigheter</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>att få veta vilka uppgifter vi har om dig (registerutdrag)</li>
          <li>att få felaktiga uppgifter rättade</li>
          <li>att få uppgifter raderade eller behandlingen begränsad, när de inte längre behövs</li>
          <li>att invända mot behandlingen</li>
        </ul>
        <p class="govuk-body">
          Rätten till radering gäller inte uppgifter som myndigheten måste bevara enligt arkivreglerna. Du kan
          själv avboka en anmälan till ett evenemang och ta bort dina uppgifter via länken i bekräftelsen.
        </p>
        <h2 class="govuk-heading-m">Om du vill klaga</h2>
        <p class="govuk-body">
          Kontakta först länsstyrelsens dataskyddsombud. Om du inte är nöjd kan du lämna ett klagomål till{' '}
          <External href={IMY}>Integritetsskyddsmyndigheten (IMY)</External>, som har tillsyn över
          dataskyddet.
        </p>
        <p class="govuk-body">
          Läs också om{' '}
          <a class="govuk-link" href={urls.cookies()}>
            vilka kakor tjänsten använder
          </a>
          .
        </p>
        <p class="govuk-body-s">Senast uppdaterad {FRAME_REVIEWED}.</p>
      </div>
    </Layout>
  );
}

/** Every cookie the service sets (src/platform/http.ts, app.ts's CSRF options, kept-forms.ts): all necessary. */
export const COOKIES: ReadonlyArray<{ name: string; purpose: string; lasts: string }> = [
  {
    name: 'sid',
    purpose: 'Håller dig inloggad. Sätts bara när du loggar in.',
    lasts: '8 timmar utan aktivitet, eller tills du loggar ut',
  },
  {
    name: 'csrf',
    purpose: 'Skyddar formulären mot att någon annan webbplats skickar dem i ditt namn.',
    lasts: 'Tills du stänger webbläsaren',
  },
  {
    name: 'flash',
    purpose: 'Visar ett meddelande, till exempel ”Sparat”, på sidan efter det du just gjorde.',
    lasts: '1 minut',
  },
  {
    name: 'lang',
    purpose: 'Kommer ihåg att du valt engelska eller svenska för menyer och knappar.',
    lasts: '1 år, bara om du byter språk',
  },
  {
    name: 'kept',
    purpose:
      'Sparar det du skrev i ett formulär medan du loggar in igen, om din inloggning hade gått ut när du skickade det.',
    lasts: '2 timmar',
  },
];

export function CookiesPage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Kakor"
      description="Vilka kakor (cookies) Samverkan använder och varför: bara de som behövs för att tjänsten ska fungera."
    >
      <div class="sv-prose">
        <p class="govuk-body-l">
          Samverkan använder bara kakor som behövs för att tjänsten ska fungera. Vi använder inga kakor för
          besöksstatistik, annonser eller spårning, och inga kakor från andra webbplatser.
        </p>
        <p class="govuk-body">
          En kaka (cookie) är en liten textfil som webbplatsen sparar i din webbläsare. Enligt lagen
          (2022:482) om elektronisk kommunikation behöver vi inte ditt samtycke för kakor som är nödvändiga
          för en tjänst du själv har bett om, men vi ska berätta vilka de är.
        </p>
      </div>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Kakor som tjänsten sätter</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Namn
            </th>
            <th scope="col" class="govuk-table__header">
              Varför
            </th>
            <th scope="col" class="govuk-table__header">
              Hur länge
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {COOKIES.map((c) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                <code safe>{c.name}</code>
              </th>
              <td class="govuk-table__cell" safe>
                {c.purpose}
              </td>
              <td class="govuk-table__cell" safe>
                {c.lasts}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="sv-prose">
        <p class="govuk-body">
          Du kan ta bort kakorna i din webbläsares inställningar. Då loggas du ut och ditt språkval glöms. Om
          du stänger av kakor helt kan du läsa sidorna men inte logga in eller skicka formulär.
        </p>
        <p class="govuk-body">
          Läs mer om{' '}
          <a class="govuk-link" href={urls.privacy()}>
            hur vi behandlar personuppgifter
          </a>
          .
        </p>
      </div>
    </Layout>
  );
}

export type SupportRow = CountySupport & { countySlug: string; countyName: string };

export function SupportPage({ ctx, counties }: { ctx: PageContext; counties: SupportRow[] }): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Kontakt och support"
      description="Vem du kontaktar om Samverkan: länsstyrelsen i ditt län, för frågor om länets arbete, om tjänsten och om tillgänglighet."
    >
      <div class="sv-prose">
        <p class="govuk-body-l">
          Varje länsstyrelse svarar för sitt läns del av Samverkan. Kontakta länsstyrelsen i det län som din
          fråga gäller, om länets arbete, om ett evenemang eller ett råd, eller om något i tjänsten inte
          fungerar.
        </p>
        <p class="govuk-body">
          Skriv gärna vilken sida det gäller (adressen i webbläsaren) och vad du försökte göra. Skicka inga
          känsliga personuppgifter med e-post. Vi svarar normalt inom två arbetsdagar.
        </p>
        <p class="govuk-body">
          Problem med tillgängligheten tar vi emot på samma sätt; läs mer i{' '}
          <a class="govuk-link" href={urls.accessibility()}>
            tillgänglighetsredogörelsen
          </a>
          .
        </p>
      </div>
      <h2 class="govuk-heading-m">Länsstyrelserna</h2>
      <ul class="govuk-list sv-contact-list">
        {counties.map((c) => (
          <li>
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
              <a class="govuk-link" href={urls.countyHome(c.countySlug)} safe>
                {c.boardName}
              </a>
            </h3>
            {c.email || c.phone ? (
              <p class="govuk-body govuk-!-margin-bottom-0">
                {c.email ? (
                  <a class="govuk-link" href={`mailto:${c.email}`} safe>
                    {c.email}
                  </a>
                ) : (
                  ''
                )}
                {c.email && c.phone ? <br /> : ''}
                {c.phone ? <span safe>{`Telefon ${c.phone}`}</span> : ''}
              </p>
            ) : (
              <p class="govuk-body govuk-!-margin-bottom-0">
                Kontaktuppgifter finns på{' '}
                <External href="https://www.lansstyrelsen.se/">lansstyrelsen.se</External>.
              </p>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
