import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';

export function HomePage({ ctx }: { ctx: PageContext }): JSX.Element {
  const en = ctx.locale === 'en';
  return (
    <Layout
      ctx={ctx}
      lang={ctx.locale}
      title={
        en ? 'Regional collaboration for social sustainability' : 'Regional samverkan för social hållbarhet'
      }
    >
      <p class="govuk-body-l">
        {en
          ? 'The county administrative boards, municipalities, regions and partner agencies work together here: the shared situational picture, indicators, councils, interventions, events and state grants.'
          : 'Här samverkar länsstyrelserna, kommunerna, regionerna och myndigheterna: den gemensamma lägesbilden, kunskapsunderlag, råd, insatser, evenemang och statsbidrag.'}
      </p>
      <h2 class="govuk-heading-m">{en ? 'Choose your county' : 'Välj ditt län'}</h2>
      <ul class="govuk-list sv-county-list">
        {ctx.counties.map((c) => (
          <li>
            <a class="govuk-link" href={`/${c.slug}/`} safe>
              {c.name}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface CountyPageView {
  /** the county's address (/{slug}/…) */
  slug: string;
  countyName: string;
  boardName: string;
  municipalities: Array<{ code: string; name: string }>;
}

export function CountyPage({ ctx, view }: { ctx: PageContext; view: CountyPageView }): JSX.Element {
  return (
    <Layout ctx={ctx} title={`Social hållbarhet i ${view.countyName}`} caption={view.boardName}>
      <p class="govuk-body-l">
        Länsstyrelsen samordnar det regionala arbetet för social hållbarhet tillsammans med länets kommuner,
        regionen, myndigheter och civilsamhället.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={`/${view.slug}/kalender`} safe>
          {`Evenemang i ${view.countyName}`}
        </a>
      </p>
      <h2 class="govuk-heading-m">Länets kommuner</h2>
      <ul class="govuk-list sv-county-list">
        {view.municipalities.map((m) => (
          <li safe>{m.name}</li>
        ))}
      </ul>
    </Layout>
  );
}
