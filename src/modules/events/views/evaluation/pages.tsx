import { formatDate } from '../../../../platform/i18n.ts';
import {
  Button,
  ErrorSummary,
  PostForm,
  Select,
  Table,
  type FormState,
  type Option,
} from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import { Layout } from '../../../../ui/layout.tsx';
import { conditionHint, QuestionField } from '../../../forms/index.ts';
import type { EvaluationOverview, EvaluationView, QuestionSummary } from '../../evaluation.ts';
import { whenOfEvent, whenText } from '../../labels.ts';
import { EVALUATION_DELAY_HOURS } from '../../lifecycle.ts';
import type { EventRow } from '../../repository.ts';
import { urls } from '../../urls.ts';

/*
 * The evaluation's pages: the organiser's (choose the questionnaire, see when it goes out and the answers
 * summarised, never who gave them) and the attendee's (answer once by the mail's link, no account, no script).
 */

const n = (x: number): string => x.toLocaleString('sv-SE');
const share = (count: number, of: number): string => (of === 0 ? '–' : `${Math.round((count / of) * 100)} %`);
const answersText = (x: number): string => (x === 1 ? '1 svar' : `${n(x)} svar`);

/** The county in whose pages the organiser's page stands. */
interface CountyOf {
  name: string;
  slug: string;
}

export interface EvaluationPageData {
  county: CountyOf;
  event: EventRow;
  overview: EvaluationOverview;
  /** the questionnaires the county may use (the newest version of each, and the one chosen) */
  questionnaires: Option[];
  /** the organiser may choose the questionnaire now; else why not (undefined: may not edit at all) */
  choice: true | string | undefined;
}

function QuestionSummaryView({ s }: { s: QuestionSummary }): JSX.Element {
  const unanswered =
    s.unanswered > 0 ? <p class="govuk-body-s" safe>{`Inget svar: ${answersText(s.unanswered)}.`}</p> : '';
  if (s.kind === 'choice')
    return (
      <div class="govuk-!-margin-bottom-6">
        <Table
          caption={s.question.label}
          captionSize="s"
          rows={s.rows}
          columns={[
            { header: 'Svar', cell: (r) => <span safe>{r.label}</span> },
            { header: 'Antal', numeric: true, cell: (r) => <span safe>{n(r.count)}</span> },
            {
              header: s.multiple ? 'Andel av dem som svarade' : 'Andel',
              numeric: true,
              cell: (r) => <span safe>{share(r.count, s.answered)}</span>,
            },
          ]}
        />
        {s.multiple ? <p class="govuk-body-s">Flera svar kunde väljas.</p> : ''}
        {unanswered}
      </div>
    );
  if (s.kind === 'number')
    return (
      <div class="govuk-!-margin-bottom-6">
        <h4 class="govuk-heading-s" safe>
          {s.question.label}
        </h4>
        <p class="govuk-body" safe>
          {s.mean === undefined
            ? 'Inga svar.'
            : `Medelvärde ${s.mean.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} av ${answersText(s.values.length)}. Svaren i storleksordning: ${s.values.map((v) => v.toLocaleString('sv-SE')).join(', ')}.`}
        </p>
        {unanswered}
      </div>
    );
  return (
    <div class="govuk-!-margin-bottom-6">
      <h4 class="govuk-heading-s" safe>
        {s.question.label}
      </h4>
      {s.texts.length === 0 ? (
        <p class="govuk-body">Inga svar.</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {s.texts.map((t) => (
            <li class="sv-prewrap" safe>
              {t}
            </li>
          ))}
        </ul>
      )}
      {unanswered}
    </div>
  );
}

/** When the evaluation goes out, or went out and how many have answered. */
function sendingText(d: EvaluationPageData): string {
  const { overview: o, event } = d;
  if (event.status === 'cancelled') return 'Evenemanget är inställt, så ingen utvärdering skickas.';
  if (o.evaluation?.sentAt)
    return `Utvärderingen skickades ${formatDate(o.evaluation.sentAt)} till ${o.counts.sent === 1 ? '1 deltagare' : `${n(o.counts.sent)} deltagare`}. ${o.counts.answered === 1 ? '1 har' : `${n(o.counts.answered)} har`} svarat.`;
  if (event.registrantsAnonymisedAt)
    return 'Deltagarnas personuppgifter är borttagna, så ingen utvärdering kan skickas.';
  const when = whenText(o.sendsAt);
  if (!o.evaluation)
    return `Välj ett formulär, så skickas utvärderingen ${when}, ${EVALUATION_DELAY_HOURS} timmar efter att evenemanget har slutat.`;
  return `Utvärderingen skickas ${when}, ${EVALUATION_DELAY_HOURS} timmar efter att evenemanget har slutat.`;
}

export function EvaluationPage({
  ctx,
  data,
  form,
}: {
  ctx: PageContext;
  data: EvaluationPageData;
  form: FormState;
}): JSX.Element {
  const { county, event, overview: o } = data;
  const chosenText = o.questionnaireName
    ? `Utvärderingen använder formuläret ”${o.questionnaireName}”.`
    : 'Evenemanget har ingen utvärdering.';
  return (
    <Layout
      ctx={ctx}
      title="Utvärdering"
      caption={event.title}
      breadcrumbs={[
        { href: urls.manage(county.slug), label: 'Evenemang' },
        { href: urls.manageEvent(county.slug, event.id), label: event.title },
      ]}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        Efter evenemanget får deltagarna ett mejl med en personlig länk till utvärderingen. Varje länk går att
        svara med en gång. Svaren sparas utan namn och e-postadress: här visas bara en sammanställning av
        allas svar.
      </p>

      <h2 class="govuk-heading-m">Formulär</h2>
      <p class="govuk-body" safe>
        {chosenText}
      </p>
      {data.choice === true ? (
        <PostForm action={urls.organiser.evaluation(county.slug, event.id)} csrfToken={ctx.csrfToken}>
          <Select
            name="questionnaireVersionId"
            label="Formulär för utvärderingen"
            hint="Länets formulär för evenemang. Formuläret kan bytas tills utvärderingen har skickats."
            placeholder="Ingen utvärdering"
            options={data.questionnaires}
            form={form}
          />
          <Button>Spara</Button>
        </PostForm>
      ) : data.choice ? (
        <div class="govuk-inset-text" safe>
          {data.choice}
        </div>
      ) : (
        ''
      )}
      {data.choice !== undefined ? (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.questionnaires(county.slug)}>
            Bygg och ändra länets formulär
          </a>
        </p>
      ) : (
        ''
      )}

      <h2 class="govuk-heading-m">Utskick</h2>
      <p class="govuk-body" safe>
        {sendingText(data)}
      </p>
      {o.evaluation?.sentAt ? (
        ''
      ) : (
        <p class="govuk-body">
          Den skickas till dem som har markerats som närvarande. Har ingen närvaro markerats då, skickas den
          till alla med bekräftad plats. Den som markeras som närvarande senare får den också.
        </p>
      )}

      {o.evaluation ? (
        <>
          <h2 class="govuk-heading-m">Svar</h2>
          <p class="govuk-body" safe>
            {o.answers === 0 ? 'Inga svar ännu.' : `${answersText(o.answers)} hittills.`}
          </p>
          {o.answers > 0
            ? o.summary.map((section) => (
                <section aria-label={section.title}>
                  <h3 class="govuk-heading-s" safe>
                    {section.title}
                  </h3>
                  {section.questions.map((s) => (
                    <QuestionSummaryView s={s} />
                  ))}
                </section>
              ))
            : ''}
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

// ---- The attendee's page -----------------------------------------------------------------------------

/** The evaluation by its link: the questions, or (answered) a thank-you. */
export function EvaluationAnswerPage({
  ctx,
  v,
  path,
  form,
}: {
  ctx: PageContext;
  v: EvaluationView;
  /** the link's own address, which the form posts to */
  path: string;
  form: FormState;
}): JSX.Element {
  const e = v.event;
  if (v.mayAnswer !== true)
    return (
      <Layout ctx={ctx} title="Tack för dina svar" caption={e.title}>
        <p class="govuk-body" safe>
          {v.mayAnswer}
        </p>
        <p class="govuk-body">
          Svaren sparas utan ditt namn och din e-postadress. Arrangören ser bara en sammanställning av allas
          svar.
        </p>
      </Layout>
    );
  const def = v.definition;
  return (
    <Layout ctx={ctx} title={`Utvärdering av ${e.title}`} caption={whenOfEvent(e.startsAt, e.endsAt)}>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        Tack för att du deltog! Berätta gärna vad du tyckte. Dina svar sparas utan ditt namn och din
        e-postadress, och arrangören ser bara en sammanställning av allas svar. Skriv därför inte ditt namn i
        svaren. Du kan svara en gång.
      </p>
      <PostForm action={path} csrfToken={ctx.csrfToken}>
        {def.sections.map((section) => (
          <>
            <h2 class="govuk-heading-m" safe>
              {section.title}
            </h2>
            {section.description ? (
              <p class="govuk-body" safe>
                {section.description}
              </p>
            ) : (
              ''
            )}
            {section.questions.map((q) => (
              <QuestionField q={q} form={form} readonly={false} condition={conditionHint(q, def)} />
            ))}
          </>
        ))}
        <Button>Skicka svaren</Button>
      </PostForm>
    </Layout>
  );
}

/** An unknown link, or one whose registrant's data has been erased: a 404 that says what may have happened. */
export function EvaluationNotFoundPage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <Layout ctx={ctx} title="Utvärderingen hittades inte">
      <p class="govuk-body">Länken fungerar inte. Kontrollera att du har kopierat hela länken från mejlet.</p>
      <p class="govuk-body">
        Länken slutar också att fungera när deltagarnas uppgifter tas bort, en tid efter evenemanget.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.nationalCalendar()}>
          Till kalendern
        </a>
      </p>
    </Layout>
  );
}
