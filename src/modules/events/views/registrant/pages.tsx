import {
  Button,
  ErrorSummary,
  PostForm,
  Select,
  SummaryList,
  Tag,
  TextInput,
  type FormState,
  type Option,
  type SummaryRow,
  type TagColour,
} from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import { Layout } from '../../../../ui/layout.tsx';
import {
  allQuestions,
  conditionHint,
  formatAnswer,
  QuestionField,
  type Definition,
} from '../../../forms/index.ts';
import { organisationTypeLabels, organisationTypes } from '../../../reference/index.ts';
import { MUNICIPALITIES } from '../../../../platform/tenancy.ts';
import { cancelReasonLabels, registrationStatusLabels, whenOfEvent, whenText } from '../../labels.ts';
import type { Verdict } from '../../lifecycle.ts';
import type { RegistrationRow } from '../../repository.ts';
import { EVENT_LIMITS } from '../../schemas.ts';
import type { PublicEvent } from '../../service.ts';
import type { RegistrationStatus } from '../../tables.ts';
import { countySlugOf, urls } from '../../urls.ts';
import { placeText } from '../public/wording.ts';

/*
 * The registrant's own pages, reached by the links of their mails (no account): the personal link's page
 * (see, change, cancel, erase) and the offer link's page (take a freed place). Whether something may be done
 * now comes from the lifecycle rules as a verdict; these pages only show it.
 */

const statusColours: Readonly<Record<RegistrationStatus, TagColour>> = {
  confirmed: 'green',
  waiting: 'yellow',
  offered: 'light-blue',
  cancelled: 'grey',
};

const eventPageOf = (e: PublicEvent) => urls.event(countySlugOf(e.countyCode), e.slug);

/** The event's facts every page of a registration starts with. */
function eventRows(e: PublicEvent): SummaryRow[] {
  return [
    { key: 'Evenemang', value: e.title },
    { key: 'När', value: whenOfEvent(e.startsAt, e.endsAt) },
    { key: 'Var', value: placeText(e) },
  ];
}

function EventLink({ event }: { event: PublicEvent }): JSX.Element {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={eventPageOf(event)}>
        Om evenemanget<span class="govuk-visually-hidden" safe>{` ${event.title}`}</span>
      </a>
    </p>
  );
}

function StatusLine({ status }: { status: RegistrationStatus }): JSX.Element {
  return (
    <div class="govuk-body">
      <span class="govuk-!-margin-right-2">Status:</span>
      <Tag text={registrationStatusLabels[status]} colour={statusColours[status]} />
    </div>
  );
}

/** What the registration's state means for the registrant, in a sentence or two. */
function statusText(r: RegistrationRow, position: number | undefined, now: Date): string {
  switch (r.status) {
    case 'confirmed':
      return 'Du har en plats. En bekräftelse med evenemanget som kalenderfil har skickats till din e-post.';
    case 'waiting':
      return `Evenemanget är fullbokat och du står som nummer ${position ?? '–'} på väntelistan. Blir en plats ledig får du ett mejl med en länk för att bekräfta den inom en viss tid.`;
    case 'offered':
      return r.offerExpiresAt
        ? `En plats har blivit ledig åt dig. Bekräfta den med länken i mejlet senast ${whenText(r.offerExpiresAt, now)}; annars går den vidare till nästa på väntelistan.`
        : 'En plats har blivit ledig åt dig. Bekräfta den med länken i mejlet.';
    case 'cancelled':
      // "Avbokad av deltagaren den 30 november klockan 11.08."
      return r.cancelReason && r.cancelledAt
        ? `${cancelReasonLabels[r.cancelReason]} den ${whenText(r.cancelledAt, now)}.`
        : 'Anmälan är avbokad.';
  }
}

export interface RegistrationView {
  event: PublicEvent;
  registration: RegistrationRow;
  /** the place in line (1 first) when on the waiting list */
  position: number | undefined;
  /** the event's registration questions, when it has any */
  definition: Definition | undefined;
  /** the personal link's path (/anmalan/{token}) */
  path: string;
  /** whether the registrant may change their details now, or why not (lifecycle) */
  mayChange: Verdict;
  /** whether the registrant may cancel now, or why not (lifecycle) */
  mayCancel: Verdict;
  /** days after the event that personal data is erased anyway */
  retentionDays: number;
  /** the municipalities to choose from, by county (the event's county first) */
  municipalityGroups: Array<{ label: string; options: Option[] }>;
  now: Date;
}

/** The form's starting values: the registration as stored. */
export function registrationFormValues(
  r: RegistrationRow,
  answerValues: Record<string, string>,
): Record<string, string> {
  return {
    name: r.name ?? '',
    organisationName: r.organisationName ?? '',
    organisationType: r.organisationType ?? '',
    municipalityCode: r.municipalityCode ?? '',
    ...answerValues,
  };
}

function AnswersList({ v }: { v: RegistrationView }): JSX.Element {
  const r = v.registration;
  const rows: SummaryRow[] = [
    { key: 'Namn', value: r.name ?? '' },
    { key: 'E-postadress', value: r.email ?? '' },
    { key: 'Organisation', value: r.organisationName ?? '' },
    ...(r.organisationType
      ? [{ key: 'Typ av organisation', value: organisationTypeLabels[r.organisationType] }]
      : []),
    ...(r.municipalityCode
      ? [
          {
            key: 'Kommun',
            value: MUNICIPALITIES.find((m) => m.code === r.municipalityCode)?.name ?? r.municipalityCode,
          },
        ]
      : []),
    ...(v.definition
      ? allQuestions(v.definition).map((q) => ({
          key: q.label,
          value: formatAnswer(q, r.answers[q.id]) || 'Inget svar',
        }))
      : []),
  ];
  return <SummaryList rows={rows} />;
}

/** The personal link's page: the registration, its details to change, and the ways to cancel and erase. */
export function RegistrationPage({
  ctx,
  v,
  form,
}: {
  ctx: PageContext;
  v: RegistrationView;
  form: FormState;
}): JSX.Element {
  const r = v.registration;
  const rows = eventRows(v.event);
  if (r.status === 'waiting' && v.position !== undefined)
    rows.push({ key: 'Plats på väntelistan', value: `Nummer ${v.position}` });
  if (r.status === 'offered' && r.offerExpiresAt)
    rows.push({ key: 'Bekräfta platsen senast', value: whenText(r.offerExpiresAt, v.now) });
  return (
    <Layout ctx={ctx} title="Din anmälan" caption={v.event.title}>
      <ErrorSummary errors={form.errors} />
      <StatusLine status={r.status} />
      <p class="govuk-body" safe>
        {statusText(r, v.position, v.now)}
      </p>
      <SummaryList rows={rows} />
      <EventLink event={v.event} />

      <h2 class="govuk-heading-m">Dina uppgifter</h2>
      {v.mayChange === true ? (
        <>
          <p class="govuk-body">
            Anmäld med e-postadressen <strong safe>{r.email ?? ''}</strong>. Adressen kan inte ändras här;
            avboka och anmäl dig på nytt om du vill använda en annan.
          </p>
          <PostForm action={v.path} csrfToken={ctx.csrfToken}>
            <TextInput
              name="name"
              label="Namn"
              autocomplete="name"
              form={form}
              maxLength={EVENT_LIMITS.personName}
            />
            <TextInput
              name="organisationName"
              label="Organisation"
              autocomplete="organization"
              form={form}
              maxLength={EVENT_LIMITS.organisationName}
            />
            <Select
              name="organisationType"
              label="Typ av organisation (frivilligt)"
              form={form}
              placeholder="Välj typ av organisation"
              options={organisationTypes.map((t) => ({ value: t, label: organisationTypeLabels[t] }))}
            />
            <Select
              name="municipalityCode"
              label="Kommun (frivilligt)"
              form={form}
              placeholder="Välj kommun"
              options={[]}
              groups={v.municipalityGroups}
            />
            {v.definition
              ? allQuestions(v.definition).map((q) => (
                  <QuestionField
                    q={q}
                    form={form}
                    readonly={false}
                    condition={conditionHint(q, v.definition!)}
                  />
                ))
              : ''}
            <Button>Spara ändringarna</Button>
          </PostForm>
        </>
      ) : (
        <>
          <AnswersList v={v} />
          <p class="govuk-body" safe>
            {`Uppgifterna kan inte ändras längre: ${v.mayChange.charAt(0).toLowerCase()}${v.mayChange.slice(1)}`}
          </p>
        </>
      )}

      {v.mayCancel === true ? (
        <>
          <h2 class="govuk-heading-m">Avboka</h2>
          <p class="govuk-body">
            {r.status === 'waiting'
              ? 'Vill du inte stå kvar på väntelistan kan du avboka din anmälan.'
              : 'Kan du inte komma? Avboka, så går platsen till nästa på väntelistan.'}
          </p>
          <a
            class="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            role="button"
            draggable="false"
            href={`${v.path}/avboka`}
          >
            Avboka anmälan
          </a>
        </>
      ) : (
        ''
      )}

      <h2 class="govuk-heading-m">Ta bort dina uppgifter</h2>
      <p class="govuk-body" safe>
        {`Ditt namn, din e-postadress, din organisation och dina svar tas bort automatiskt ${v.retentionDays} dagar efter evenemanget. Du kan också ta bort dem nu${
          r.status === 'cancelled' ? '' : '; då avbokas också din anmälan'
        }.`}
      </p>
      <a
        class="govuk-button govuk-button--warning"
        data-module="govuk-button"
        role="button"
        draggable="false"
        href={`${v.path}/ta-bort`}
      >
        Ta bort mina uppgifter
      </a>
    </Layout>
  );
}

/** The step before cancelling: what it means, or why it cannot be done. */
export function CancelConfirmPage({
  ctx,
  v,
  form,
}: {
  ctx: PageContext;
  v: RegistrationView;
  form: FormState;
}): JSX.Element {
  const r = v.registration;
  if (v.mayCancel !== true)
    return (
      <Layout ctx={ctx} title="Anmälan kan inte avbokas" caption={v.event.title}>
        <p class="govuk-body" safe>
          {v.mayCancel}
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href={v.path}>
            Tillbaka till din anmälan
          </a>
        </p>
      </Layout>
    );
  return (
    <Layout ctx={ctx} title="Vill du avboka din anmälan?" caption={v.event.title}>
      <ErrorSummary errors={form.errors} />
      <SummaryList rows={eventRows(v.event)} />
      <p class="govuk-body">
        {r.status === 'waiting'
          ? 'Du tas bort från väntelistan. Vill du delta senare får du anmäla dig på nytt, om anmälan fortfarande är öppen.'
          : 'Din plats går till nästa på väntelistan. Vill du delta senare får du anmäla dig på nytt, om anmälan fortfarande är öppen och det finns plats.'}
      </p>
      <PostForm action={`${v.path}/avboka`} csrfToken={ctx.csrfToken}>
        <div class="govuk-button-group">
          <Button variant="warning">Ja, avboka</Button>
          <a class="govuk-link" href={v.path}>
            Nej, tillbaka till anmälan
          </a>
        </div>
      </PostForm>
    </Layout>
  );
}

/** The step before erasing the registrant's data: what goes, and that it cannot be undone. */
export function EraseConfirmPage({
  ctx,
  v,
  form,
}: {
  ctx: PageContext;
  v: RegistrationView;
  form: FormState;
}): JSX.Element {
  const standing = v.registration.status !== 'cancelled';
  return (
    <Layout ctx={ctx} title="Vill du ta bort dina uppgifter?" caption={v.event.title}>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">Det här tas bort för gott:</p>
      <ul class="govuk-list govuk-list--bullet">
        <li>ditt namn och din e-postadress</li>
        <li>din organisation</li>
        <li>dina svar på anmälans frågor</li>
        <li>länken till den här sidan</li>
      </ul>
      {standing ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Varning</span>
            Din anmälan avbokas också, och du kan inte ångra det.
          </strong>
        </div>
      ) : (
        <p class="govuk-body">Det går inte att ångra.</p>
      )}
      <PostForm action={`${v.path}/ta-bort`} csrfToken={ctx.csrfToken}>
        <div class="govuk-button-group">
          <Button variant="warning">Ja, ta bort mina uppgifter</Button>
          <a class="govuk-link" href={v.path}>
            Nej, tillbaka till anmälan
          </a>
        </div>
      </PostForm>
    </Layout>
  );
}

/** After erasing: the data is gone, and so is the link. */
export function ErasedPage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <Layout ctx={ctx} title="Dina uppgifter är borttagna">
      <p class="govuk-body">
        Din anmälan och dina personuppgifter – namn, e-postadress, organisation och svar – är borttagna.
        Länken i mejlet fungerar inte längre.
      </p>
      <p class="govuk-body">
        Vill du delta ändå får du anmäla dig på nytt, om anmälan till evenemanget fortfarande är öppen.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.nationalCalendar()}>
          Till kalendern
        </a>
      </p>
    </Layout>
  );
}

/** An unknown or erased personal or offer link (served with 404). */
export function LinkNotFoundPage({ ctx, offer = false }: { ctx: PageContext; offer?: boolean }): JSX.Element {
  return (
    <Layout ctx={ctx} title={offer ? 'Erbjudandet hittades inte' : 'Anmälan hittades inte'}>
      <p class="govuk-body">Länken fungerar inte. Kontrollera att du har kopierat hela länken från mejlet.</p>
      <p class="govuk-body">
        {offer
          ? 'Erbjudandet kan också ha tagits bort tillsammans med anmälan.'
          : 'Anmälan kan också ha tagits bort, av dig själv eller automatiskt en tid efter evenemanget.'}
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.nationalCalendar()}>
          Till kalendern
        </a>
      </p>
    </Layout>
  );
}

export interface OfferView {
  event: PublicEvent;
  registration: RegistrationRow;
  /** whether the offer may be accepted now, or why not (lifecycle) */
  mayAccept: Verdict;
  /** the offer link's path (/anmalan/erbjudande/{token}) */
  path: string;
  /** the registrant's own page */
  registrationPath: string;
  now: Date;
}

/**
 * The offer link's page: take the freed place (a button, so that a mail scanner following the link takes
 * nothing); once taken, that the place is confirmed; when it can no longer be taken, why.
 */
export function OfferPage({
  ctx,
  v,
  form,
}: {
  ctx: PageContext;
  v: OfferView;
  form: FormState;
}): JSX.Element {
  const r = v.registration;
  const rows = eventRows(v.event);
  const ownPage = (
    <p class="govuk-body">
      <a class="govuk-link" href={v.registrationPath}>
        Se, ändra eller avboka din anmälan
      </a>
    </p>
  );
  if (r.status === 'confirmed')
    return (
      <Layout ctx={ctx} title="Din plats är bekräftad" caption={v.event.title}>
        <StatusLine status={r.status} />
        <p class="govuk-body">
          Du har en plats. En bekräftelse med evenemanget som kalenderfil skickas till din e-post.
        </p>
        <SummaryList rows={rows} />
        {ownPage}
      </Layout>
    );
  if (v.mayAccept !== true)
    return (
      <Layout ctx={ctx} title="Platsen kan inte bekräftas" caption={v.event.title}>
        <p class="govuk-body" safe>
          {v.mayAccept}
        </p>
        <SummaryList rows={rows} />
        <EventLink event={v.event} />
      </Layout>
    );
  const until = r.offerExpiresAt ? whenText(r.offerExpiresAt, v.now) : '';
  if (until) rows.push({ key: 'Erbjudandet gäller till', value: until });
  return (
    <Layout ctx={ctx} title="En plats har blivit ledig" caption={v.event.title}>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body" safe>
        {`Du står först på väntelistan och erbjuds en plats.${until ? ` Bekräfta den senast ${until}; annars går den vidare till nästa på väntelistan.` : ''}`}
      </p>
      <SummaryList rows={rows} />
      <PostForm action={v.path} csrfToken={ctx.csrfToken}>
        <Button>Ja, jag tar platsen</Button>
      </PostForm>
      <h2 class="govuk-heading-m">Kan du inte komma?</h2>
      <p class="govuk-body">
        Tacka nej, så går platsen direkt till nästa på väntelistan. Gör du ingenting går den vidare när tiden
        har gått ut.
      </p>
      <PostForm action={`${v.path}/avsta`} csrfToken={ctx.csrfToken}>
        <Button variant="secondary">Nej tack, ge platsen till nästa</Button>
      </PostForm>
      {ownPage}
    </Layout>
  );
}
