import { formatDate } from '../../../../platform/i18n.ts';
import type { PageContext } from '../../../../ui/context.ts';
import {
  Button,
  Choices,
  ErrorSummary,
  PostForm,
  Select,
  TextArea,
  TextInput,
  type FormState,
  type Option,
} from '../../../../ui/components.tsx';
import { Layout } from '../../../../ui/layout.tsx';
import { attendanceText, registrationStatusLabels } from '../../labels.ts';
import type { EventAbilities, RegistrationAbilities } from '../../policy.ts';
import type { Counts, EventRow, RegistrationRow } from '../../repository.ts';
import { EVENT_LIMITS } from '../../schemas.ts';
import { urls } from '../../urls.ts';
import { ActionLinks, type CountyOf } from './parts.tsx';

/** One registrant as the list shows them: the row, their answers in words, what may be done with them. */
export interface RegistrantView {
  registration: RegistrationRow;
  /** the answers to the event's own questions: question → answer in words */
  answers: Array<{ question: string; answer: string }>;
  abilities: RegistrationAbilities;
  /** the organiser may confirm them now, beyond the capacity (the waiting list) or their offer */
  canGivePlace: boolean;
  /** the place in the waiting list (1 first), for those waiting */
  position: number | undefined;
}

const ERASED = 'Borttagen';

const crumbs = (county: CountyOf, e: EventRow) => [
  { href: urls.manage(county.slug), label: 'Evenemang' },
  { href: urls.manageEvent(county.slug, e.id), label: e.title },
];

function statusText(r: RegistrantView): string {
  const s = r.registration;
  const base = registrationStatusLabels[s.status];
  if (s.status === 'waiting' && r.position) return `${base} (plats ${r.position})`;
  if (s.status === 'offered' && s.offerExpiresAt) return `${base} till ${formatDate(s.offerExpiresAt)}`;
  if (s.status === 'confirmed' && s.beyondCapacity) return `${base} (utöver antalet platser)`;
  return base;
}

/**
 * The registrants of an event: who, from where, their answers, status and attendance. Attendance is marked
 * with one checkbox per confirmed registrant and one save (from the start of the event); each registrant's own
 * actions (cancel, give a place beyond the capacity) open a page that says what they mean.
 */
export function RegistrantsPage({
  ctx,
  county,
  event: e,
  registrants,
  counts,
  abilities,
  form,
}: {
  ctx: PageContext;
  county: CountyOf;
  event: EventRow;
  registrants: RegistrantView[];
  counts: Counts;
  abilities: EventAbilities;
  form: FormState;
}): JSX.Element {
  const marking = registrants.some((r) => r.abilities.canMarkAttendance);
  const hasAnswers = registrants.some((r) => r.answers.length > 0);
  const table = (
    <div class="sv-table-scroll" tabindex="0" role="region" aria-label="Anmälda, tabell">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m" safe>
          {`Anmälda (${registrants.length})`}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {[
              'Namn',
              'Organisation',
              'E-postadress',
              ...(hasAnswers ? ['Svar'] : []),
              'Status',
              'Närvaro',
              'Åtgärder',
            ].map((h) => (
              <th scope="col" class="govuk-table__header" safe>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {registrants.map((r) => {
            const s = r.registration;
            const name = s.name ?? ERASED;
            const box = `attended-${s.id}`;
            return (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header" safe>
                  {name}
                </th>
                <td class="govuk-table__cell" safe>
                  {s.organisationName ?? (s.anonymisedAt ? ERASED : '')}
                </td>
                <td class="govuk-table__cell" safe>
                  {s.email ?? (s.anonymisedAt ? ERASED : '')}
                </td>
                {hasAnswers ? (
                  <td class="govuk-table__cell">
                    {r.answers.map((a) => (
                      <p class="govuk-body-s govuk-!-margin-bottom-1">
                        <span safe>{`${a.question}: `}</span>
                        <strong safe>{a.answer}</strong>
                      </p>
                    ))}
                  </td>
                ) : (
                  ''
                )}
                <td class="govuk-table__cell" safe>
                  {statusText(r)}
                </td>
                <td class="govuk-table__cell">
                  {r.abilities.canMarkAttendance ? (
                    <div class="govuk-checkboxes govuk-checkboxes--small">
                      <div class="govuk-checkboxes__item">
                        <input type="hidden" name="shown" value={s.id} />
                        <input
                          class="govuk-checkboxes__input"
                          id={box}
                          name="attended"
                          type="checkbox"
                          value={s.id}
                          checked={s.attended === true}
                        />
                        <label class="govuk-label govuk-checkboxes__label" for={box}>
                          Deltog<span class="govuk-visually-hidden" safe>{`: ${name}`}</span>
                        </label>
                      </div>
                    </div>
                  ) : s.status === 'confirmed' ? (
                    <span safe>{attendanceText(s.attended)}</span>
                  ) : (
                    ''
                  )}
                </td>
                <td class="govuk-table__cell">
                  <ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                    {r.abilities.canCancel ? (
                      <li>
                        <a
                          class="govuk-link"
                          href={urls.organiser.cancelRegistration(county.slug, e.id, s.id)}
                        >
                          Avboka<span class="govuk-visually-hidden" safe>{` ${name}`}</span>
                        </a>
                      </li>
                    ) : (
                      ''
                    )}
                    {r.canGivePlace ? (
                      <li>
                        <a class="govuk-link" href={urls.organiser.givePlace(county.slug, e.id, s.id)}>
                          Ge plats<span class="govuk-visually-hidden" safe>{` till ${name}`}</span>
                        </a>
                      </li>
                    ) : (
                      ''
                    )}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  return (
    <Layout ctx={ctx} title="Anmälda" caption={e.title} breadcrumbs={crumbs(county, e)}>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body" safe>
        {`${counts.taken} med plats${e.capacity === null ? '' : ` av ${e.capacity}`}, ${counts.waiting} på väntelistan.`}
      </p>
      <ActionLinks
        label="De anmälda"
        links={[
          { href: urls.organiser.export(county.slug, e.id, 'xlsx'), text: 'Ladda ner som Excel' },
          { href: urls.organiser.export(county.slug, e.id, 'csv'), text: 'Ladda ner som CSV' },
          abilities.canMessage && {
            href: urls.organiser.message(county.slug, e.id),
            text: 'Skicka ett meddelande till de anmälda',
          },
          abilities.canAddRegistrant && {
            href: urls.organiser.addRegistrant(county.slug, e.id),
            text: 'Lägg till en deltagare',
          },
        ]}
      />
      {registrants.length === 0 ? (
        <p class="govuk-body">Ingen har anmält sig ännu.</p>
      ) : marking ? (
        <PostForm action={urls.organiser.attendance(county.slug, e.id)} csrfToken={ctx.csrfToken}>
          <p class="govuk-body">
            Kryssa i dem som deltog och spara. De bekräftade som inte är ikryssade räknas då som uteblivna.
          </p>
          {table}
          <Button>Spara närvaron</Button>
        </PostForm>
      ) : (
        table
      )}
    </Layout>
  );
}

/** Writing to the registrants: a subject and a text, to those with a place or to the waiting list too. */
export function MessagePage({
  ctx,
  county,
  event: e,
  form,
  refusal,
}: {
  ctx: PageContext;
  county: CountyOf;
  event: EventRow;
  form: FormState;
  refusal: string | undefined;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Skicka ett meddelande till de anmälda"
      caption={e.title}
      breadcrumbs={crumbs(county, e)}
    >
      <ErrorSummary errors={form.errors} />
      {refusal ? (
        <p class="govuk-body" safe>{`Det går inte att skicka meddelanden: ${refusal}`}</p>
      ) : (
        <PostForm action={urls.organiser.message(county.slug, e.id)} csrfToken={ctx.csrfToken}>
          <Choices
            name="to"
            label="Till"
            options={[
              { value: 'confirmed', label: 'De som har en plats' },
              { value: 'all', label: 'De som har en plats och de på väntelistan' },
            ]}
            form={form}
          />
          <TextInput name="subject" label="Ämne" maxLength={EVENT_LIMITS.messageSubject} form={form} />
          <TextArea
            name="text"
            label="Meddelande"
            hint="Varje mottagare får ett eget mejl med evenemangets namn, tid och sin personliga länk till anmälan."
            rows={8}
            maxLength={EVENT_LIMITS.messageText}
            form={form}
          />
          <Button>Skicka meddelandet</Button>
        </PostForm>
      )}
    </Layout>
  );
}

/** Adding someone deliberately: confirmed at once, beyond the capacity if it is full. */
export function AddRegistrantPage({
  ctx,
  county,
  event: e,
  form,
  full,
  refusal,
  organisationTypes,
  municipalities,
}: {
  ctx: PageContext;
  county: CountyOf;
  event: EventRow;
  form: FormState;
  /** no place is free: the person is added beyond the capacity */
  full: boolean;
  refusal: string | undefined;
  organisationTypes: Option[];
  municipalities: Option[];
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Lägg till en deltagare" caption={e.title} breadcrumbs={crumbs(county, e)}>
      <ErrorSummary errors={form.errors} />
      {refusal ? (
        <p class="govuk-body" safe>{`Det går inte att lägga till deltagare: ${refusal}`}</p>
      ) : (
        <>
          <p class="govuk-body">
            Personen får en plats direkt och ett mejl med bekräftelsen och sin personliga länk till anmälan.
          </p>
          {full ? (
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Varning</span>
                Alla platser är tagna. Personen läggs till utöver antalet platser, före dem på väntelistan.
              </strong>
            </div>
          ) : (
            ''
          )}
          <PostForm action={urls.organiser.addRegistrant(county.slug, e.id)} csrfToken={ctx.csrfToken}>
            <TextInput
              name="name"
              label="Namn"
              autocomplete="off"
              maxLength={EVENT_LIMITS.personName}
              form={form}
            />
            <TextInput name="email" label="E-postadress" type="email" autocomplete="off" form={form} />
            <TextInput
              name="organisationName"
              label="Organisation"
              maxLength={EVENT_LIMITS.organisationName}
              form={form}
            />
            <Select
              name="organisationType"
              label="Typ av organisation"
              placeholder="Inte angiven"
              options={organisationTypes}
              form={form}
            />
            <Select
              name="municipalityCode"
              label="Kommun"
              placeholder="Inte angiven"
              options={municipalities}
              form={form}
            />
            <Button>Lägg till deltagaren</Button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

/** A change to one registration that is confirmed first: what it means, and the button. */
export function RegistrationChangePage({
  ctx,
  county,
  event: e,
  registration: r,
  change,
  action,
  refusal,
  form,
}: {
  ctx: PageContext;
  county: CountyOf;
  event: EventRow;
  registration: RegistrationRow;
  change: 'cancel' | 'give-place';
  action: string;
  refusal: string | undefined;
  form: FormState;
}): JSX.Element {
  const name = r.name ?? ERASED;
  const title = change === 'cancel' ? `Avboka ${name}` : `Ge ${name} en plats`;
  const back = urls.registrants(county.slug, e.id);
  return (
    <Layout
      ctx={ctx}
      title={title}
      caption={e.title}
      breadcrumbs={[...crumbs(county, e), { href: back, label: 'Anmälda' }]}
    >
      <ErrorSummary errors={form.errors} />
      {refusal ? (
        <p class="govuk-body" safe>
          {refusal}
        </p>
      ) : (
        <>
          <p class="govuk-body" safe>
            {change === 'cancel'
              ? `${name} (${r.email ?? ''}) får ett mejl om att anmälan är avbokad. En plats som blir ledig erbjuds den som står först på väntelistan.`
              : r.status === 'offered'
                ? `${name} (${r.email ?? ''}) har erbjudits en plats. Platsen bekräftas nu, och ${name} får ett mejl med bekräftelsen.`
                : `${name} (${r.email ?? ''}) står på väntelistan och får nu en bekräftad plats utöver antalet platser, och ett mejl med bekräftelsen.`}
          </p>
          <PostForm action={action} csrfToken={ctx.csrfToken}>
            <div class="govuk-button-group">
              <Button variant={change === 'cancel' ? 'warning' : undefined}>
                {change === 'cancel' ? 'Avboka anmälan' : 'Ge en plats'}
              </Button>
              <a class="govuk-link" href={back}>
                Avbryt
              </a>
            </div>
          </PostForm>
        </>
      )}
    </Layout>
  );
}
