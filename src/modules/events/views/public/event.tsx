import { formatDate } from '../../../../platform/i18n.ts';
import { safeMarkdown } from '../../../../platform/markdown.ts';
import {
  Button,
  Checkbox,
  ErrorSummary,
  PostForm,
  Select,
  SummaryList,
  TextInput,
  type FormState,
  type Option,
  type SummaryRow,
} from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import { Layout } from '../../../../ui/layout.tsx';
import { conditionHint, QuestionField, type Definition } from '../../../forms/index.ts';
import { organisationTypeLabels, organisationTypes } from '../../../reference/index.ts';
import { costText, whenOfEvent, whenText } from '../../labels.ts';
import type { ClosedReason } from '../../lifecycle.ts';
import type { PublicEventView } from '../../service.ts';
import type { EventContact } from '../../tables.ts';
import { urls } from '../../urls.ts';
import { placementFor, placesText, placeText, programmeTime, speakerLines } from './wording.ts';

export interface EventImage {
  src: string;
  srcset?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  alt: string;
}

/** What the registration form needs besides the event. */
export interface RegistrationFormParts {
  /** the event's own questions (forms), if it has any */
  definition: Definition | undefined;
  /** the day the registrants' personal data is erased (lifecycle's anonymisationDueAt) */
  erasedAfter: Date;
  retentionDays: number;
  /** the municipalities to choose from: the event's county first */
  municipalityGroups: Array<{ label: string; options: Option[] }>;
}

export interface EventPageProps {
  ctx: PageContext;
  county: { slug: string; name: string };
  view: PublicEventView;
  image: EventImage | undefined;
  registration: RegistrationFormParts;
  form: FormState;
  now: Date;
}

/** The honeypot: a field people never see (nor hear) and a robot fills in. */
export const HONEYPOT = 'webbplats';

/** The registration section's heading when the form is not shown, by the reason lifecycle.ts gives. */
const closedHeading: Record<ClosedReason, string> = {
  draft: 'Anmälan har inte öppnat',
  not_yet_open: 'Anmälan har inte öppnat',
  cancelled: 'Anmälan är stängd',
  closed: 'Anmälan är stängd',
  started: 'Anmälan är stängd',
};

/** A published (or cancelled) event's public page, as seed 004 shows it, with the registration form. */
export function EventPage(p: EventPageProps): JSX.Element {
  const { ctx, view, county } = p;
  const e = view.event;
  const cancelled = e.status === 'cancelled';
  return (
    <Layout
      ctx={ctx}
      title={e.title}
      caption={whenOfEvent(e.startsAt, e.endsAt)}
      breadcrumbs={[
        { href: `/${county.slug}/`, label: county.name },
        { href: urls.calendar(county.slug), label: 'Kalender' },
      ]}
    >
      <ErrorSummary errors={p.form.errors} />
      {cancelled ? <CancelledBanner note={e.cancellationNote} /> : ''}
      {e.summary ? (
        <p class="govuk-body-l" safe>
          {e.summary}
        </p>
      ) : (
        ''
      )}
      {p.image ? (
        <figure class="sv-event-image">
          <img {...imageAttrs(p.image)} alt={p.image.alt} />
        </figure>
      ) : (
        ''
      )}
      <div class="sv-event-description">{safeMarkdown(e.description)}</div>
      {e.recordingUrl ? (
        <>
          <h2 class="govuk-heading-m">Inspelning</h2>
          <p class="govuk-body">
            <a class="govuk-link" href={e.recordingUrl} rel="noopener noreferrer">
              Se den inspelade föreläsningen
            </a>
          </p>
        </>
      ) : (
        ''
      )}
      <Programme programme={view.programme} />
      <h2 class="govuk-heading-m">Praktisk information</h2>
      <SummaryList rows={factRows(view, p.now)} />
      <p class="govuk-body">
        <a class="govuk-link" href={urls.eventIcs(county.slug, e.slug)}>
          Lägg till i din kalender (.ics)
        </a>
      </p>
      <RegistrationSection {...p} />
      <Contacts contacts={e.contacts} />
    </Layout>
  );
}

/** The image's sources; with narrower copies the browser picks the width the column needs. */
function imageAttrs(image: EventImage): Record<string, string | undefined> {
  return {
    src: image.src,
    srcset: image.srcset,
    sizes: image.srcset ? '(min-width: 641px) 640px, 100vw' : undefined,
    width: image.width === undefined ? undefined : String(image.width),
    height: image.height === undefined ? undefined : String(image.height),
  };
}

function CancelledBanner({ note }: { note: string | null }): JSX.Element {
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby="cancelled-title">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="cancelled-title">
          Inställt
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">Evenemanget är inställt.</p>
        {note ? (
          <p class="govuk-body sv-prewrap" safe>
            {note}
          </p>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

function factRows(view: PublicEventView, now: Date): SummaryRow[] {
  const e = view.event;
  const rows: SummaryRow[] = [
    { key: 'Var', value: placeText(e) },
    { key: 'Kostnad', value: costText(e.costOre) },
    { key: 'Sista anmälningsdag', value: whenText(e.registrationClosesAt, now) },
  ];
  if (e.targetGroup) rows.push({ key: 'Målgrupp', value: e.targetGroup });
  if (view.organisers.length)
    rows.push({ key: 'Arrangörer', value: view.organisers.map((o) => o.name).join('\n') });
  if (view.series) rows.push({ key: 'Föreläsningsserie', value: view.series.title });
  if (e.themes.length) rows.push({ key: 'Teman', value: e.themes.join(', ') });
  return rows;
}

/** The programme as the seed shows it: the time, the title, then each speaker (or group) on a line. */
function Programme({ programme }: { programme: PublicEventView['programme'] }): JSX.Element {
  if (programme.length === 0) return <></>;
  return (
    <>
      <h2 class="govuk-heading-m">Program</h2>
      <dl class="govuk-summary-list sv-programme">
        {programme.map((item) => (
          <div class={`govuk-summary-list__row${item.kind === 'break' ? ' sv-programme__break' : ''}`}>
            <dt class="govuk-summary-list__key">
              <time datetime={item.startsAt.toISOString()} safe>
                {programmeTime(item)}
              </time>
            </dt>
            <dd class="govuk-summary-list__value">
              {item.kind === 'break' ? (
                <span safe>{item.title}</span>
              ) : (
                <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1" safe>
                  {item.title}
                </p>
              )}
              {speakerLines(item.speakers).map((line) => (
                <p class="govuk-body govuk-!-margin-bottom-1" safe>
                  {line}
                </p>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function RegistrationSection(p: EventPageProps): JSX.Element {
  const { view } = p;
  const open = view.registration;
  if (!open.open)
    return (
      <section aria-labelledby="anmalan">
        <h2 class="govuk-heading-m" id="anmalan" safe>
          {closedHeading[open.reason]}
        </h2>
        <div class="govuk-inset-text" safe>
          {open.message}
        </div>
      </section>
    );
  const waiting = placementFor(view.places) === 'waiting';
  const places = placesText(view.places);
  return (
    <section aria-labelledby="anmalan">
      <h2 class="govuk-heading-m" id="anmalan">
        Anmäl dig
      </h2>
      {places ? (
        waiting ? (
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">Obs: </span>
              <span
                safe
              >{`${places}. Om en plats blir ledig får du ett mejl med en länk för att ta den.`}</span>
            </strong>
          </div>
        ) : (
          <p class="govuk-body govuk-!-font-weight-bold" safe>
            {places}
          </p>
        )
      ) : (
        ''
      )}
      <p class="govuk-body" safe>
        {`Sista anmälningsdag är ${whenText(open.closesAt, p.now)}.`}
      </p>
      <RegistrationForm {...p} waiting={waiting} />
    </section>
  );
}

function RegistrationForm(p: EventPageProps & { waiting: boolean }): JSX.Element {
  const { form, registration: r, county, view } = p;
  const def = r.definition;
  return (
    <PostForm action={urls.event(county.slug, view.event.slug)} csrfToken={p.ctx.csrfToken}>
      <TextInput
        name="name"
        label="Namn"
        form={form}
        autocomplete="name"
        spellcheck={false}
        width="govuk-input--width-30"
      />
      <TextInput
        name="email"
        label="E-postadress"
        type="email"
        width="govuk-input--width-30"
        form={form}
        autocomplete="email"
        spellcheck={false}
        hint="Det är viktigt att du fyller i en giltig e-postadress för att du ska få en bekräftelse på din anmälan."
      />
      <TextInput
        name="organisationName"
        label="Organisation"
        width="govuk-input--width-30"
        form={form}
        autocomplete="organization"
        hint="Den organisation du arbetar i, till exempel kommunen eller regionen."
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
        hint="Den kommun du arbetar i eller för. Länsstyrelsen följer upp vilka kommuner som deltar."
        form={form}
        placeholder="Välj kommun"
        options={[]}
        groups={r.municipalityGroups}
      />
      {def
        ? def.sections.map((section) => (
            <>
              {section.title ? (
                <h3 class="govuk-heading-s" safe>
                  {section.title}
                </h3>
              ) : (
                ''
              )}
              {section.questions.map((q) => (
                <QuestionField q={q} form={form} readonly={false} condition={conditionHint(q, def)} />
              ))}
            </>
          ))
        : ''}
      <h3 class="govuk-heading-s">Dina personuppgifter</h3>
      <p class="govuk-body" safe>
        {`Länsstyrelsen sparar ditt namn, din e-postadress, din organisation och dina svar för att hantera anmälan och skicka information om evenemanget. Uppgifterna tas bort ${r.retentionDays} dagar efter evenemanget (den ${formatDate(r.erasedAfter)}); antalet deltagare per typ av organisation och kommun sparas för uppföljning. Med länken i bekräftelsemejlet kan du när som helst ändra eller avboka anmälan och ta bort dina uppgifter.`}
      </p>
      <Checkbox
        name="consent"
        label="Jag godkänner att mina personuppgifter behandlas för den här anmälan"
        form={form}
      />
      <div hidden aria-hidden="true">
        <label class="govuk-label" for={HONEYPOT}>
          Lämna det här fältet tomt
        </label>
        <input
          class="govuk-input"
          id={HONEYPOT}
          name={HONEYPOT}
          type="text"
          tabindex="-1"
          autocomplete="off"
        />
      </div>
      <Button>{p.waiting ? 'Ställ dig i kö' : 'Anmäl dig'}</Button>
    </PostForm>
  );
}

function Contacts({ contacts }: { contacts: EventContact[] }): JSX.Element {
  if (contacts.length === 0) return <></>;
  return (
    <>
      <h2 class="govuk-heading-m">Kontakt</h2>
      <ul class="govuk-list">
        {contacts.map((c) => (
          <li>
            <span safe>{[c.name, c.organisation].filter(Boolean).join(', ')}</span>
            {c.email ? (
              <>
                <br />
                <a class="govuk-link" href={`mailto:${c.email}`} safe>
                  {c.email}
                </a>
              </>
            ) : (
              ''
            )}
            {c.phone ? (
              <>
                <br />
                <span safe>{`Telefon ${c.phone}`}</span>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
