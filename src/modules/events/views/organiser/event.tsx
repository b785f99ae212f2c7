import { formatDate } from '../../../../platform/i18n.ts';
import { safeMarkdown } from '../../../../platform/markdown.ts';
import type { PageContext } from '../../../../ui/context.ts';
import {
  Button,
  ErrorSummary,
  PostForm,
  SummaryList,
  TextArea,
  TextInput,
  type FormState,
  type SummaryRow,
} from '../../../../ui/components.tsx';
import { Layout } from '../../../../ui/layout.tsx';
import { costText, placeKindLabels, programmeItemKindLabels, whenOfEvent, whenText } from '../../labels.ts';
import type { EventAbilities } from '../../policy.ts';
import type { Counts, EventRow, Organiser, ProgrammeItemRow, SeriesRow } from '../../repository.ts';
import { EVENT_LIMITS } from '../../schemas.ts';
import type { Speaker } from '../../tables.ts';
import { urls } from '../../urls.ts';
import { itemTimeText } from '../../routes/organiser-form.ts';
import { ActionLinks, EventStatusTag, FiguresTables, type CountyOf, type FiguresView } from './parts.tsx';

export interface EventPageData {
  county: CountyOf;
  event: EventRow;
  programme: ProgrammeItemRow[];
  organisers: Organiser[];
  series: SeriesRow | undefined;
  counts: Counts;
  abilities: EventAbilities;
  figures: FiguresView;
  /** the event has begun: the recording's link may be set */
  started: boolean;
}

const d = (n: number) => n.toLocaleString('sv-SE');

export const speakerText = (s: Speaker): string =>
  [s.name, s.title, s.organisation].filter(Boolean).join(', ');

/** The programme as the seed shows it: "13.45 Paus", the speakers on lines of their own. */
export function ProgrammeList({ event, programme }: { event: EventRow; programme: ProgrammeItemRow[] }) {
  if (programme.length === 0) return <p class="govuk-body">Inget program ännu.</p>;
  return (
    <ol class="govuk-list">
      {programme.map((item) => (
        <li class="govuk-!-margin-bottom-4">
          <p class="govuk-body govuk-!-margin-bottom-1">
            <strong safe>{itemTimeText(item.startsAt, event.startsAt)}</strong> <span safe>{item.title}</span>
            {item.kind === 'talk' ||
            programmeItemKindLabels[item.kind].toLowerCase() === item.title.trim().toLowerCase() ? (
              ''
            ) : (
              <span class="govuk-body-s sv-muted" safe>{` (${programmeItemKindLabels[item.kind]})`}</span>
            )}
          </p>
          {item.speakers.map((s) => (
            <p class="govuk-body-s govuk-!-margin-bottom-0" safe>
              {speakerText(s)}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}

function detailRows(d: EventPageData): SummaryRow[] {
  const e = d.event;
  const rows: SummaryRow[] = [
    { key: 'När', value: whenOfEvent(e.startsAt, e.endsAt) },
    {
      key: 'Var',
      value:
        e.placeKind === 'digital'
          ? `${placeKindLabels.digital}${e.address ? ` (${e.address})` : ''}`
          : (e.address ?? ''),
    },
  ];
  if (e.placeKind === 'digital')
    rows.push({
      key: 'Möteslänk',
      value: `${e.meetingLink ?? 'Ingen länk ännu'}\nSkickas bara till de anmälda, ${e.joiningInfoHoursBefore} timmar före start. Den visas aldrig på den offentliga sidan.`,
    });
  rows.push(
    { key: 'Kostnad', value: costText(e.costOre) },
    {
      key: 'Platser',
      value:
        (e.capacity === null
          ? `Obegränsat antal. ${d.counts.taken} anmälda.`
          : `${d.counts.taken} av ${e.capacity} platser tagna.`) +
        (d.counts.waiting ? ` ${d.counts.waiting} på väntelistan.` : ''),
    },
    {
      key: 'Anmälan öppnar',
      value: e.registrationOpensAt
        ? whenText(e.registrationOpensAt)
        : e.publishedAt
          ? `När evenemanget publicerades, ${whenText(e.publishedAt)}`
          : 'När evenemanget publiceras',
    },
    { key: 'Sista anmälningsdag', value: whenText(e.registrationClosesAt) },
    { key: 'Målgrupp', value: e.targetGroup || 'Inte angiven' },
    { key: 'Teman', value: e.themes.join(', ') || 'Inga' },
    { key: 'Arrangörer', value: d.organisers.map((o) => o.name).join('\n') || 'Inga' },
    { key: 'Föreläsningsserie', value: d.series?.title ?? 'Ingen' },
    {
      key: 'Kontaktpersoner',
      value:
        e.contacts
          .map((c) => [c.name, c.organisation, c.email, c.phone].filter(Boolean).join(', '))
          .join('\n') || 'Inga',
    },
    { key: 'Praktisk information', value: e.practicalInfo || 'Ingen' },
  );
  if (e.recordingUrl) rows.push({ key: 'Inspelning', value: e.recordingUrl });
  return rows;
}

export function EventPage({
  ctx,
  data,
  form,
}: {
  ctx: PageContext;
  data: EventPageData;
  /** the recording's form and a refused action's message */
  form: FormState;
}): JSX.Element {
  const { county, event: e, abilities } = data;
  const shown = e.status !== 'draft';
  return (
    <Layout
      ctx={ctx}
      title={e.title}
      caption={county.name}
      breadcrumbs={[{ href: urls.manage(county.slug), label: 'Evenemang' }]}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        <EventStatusTag status={e.status} /> <span safe>{whenOfEvent(e.startsAt, e.endsAt)}</span>
      </p>
      {e.status === 'cancelled' ? (
        <div class="govuk-inset-text">
          <p class="govuk-body" safe>
            {`Evenemanget ställdes in ${e.cancelledAt ? formatDate(e.cancelledAt) : ''}. De anmälda fick ett mejl om det.`}
          </p>
          {e.cancellationNote ? (
            <p class="govuk-body sv-prewrap" safe>
              {e.cancellationNote}
            </p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      {e.status === 'draft' ? (
        <p class="govuk-body">Utkastet syns inte i länets kalender förrän det publiceras.</p>
      ) : (
        ''
      )}
      {abilities.canPublish ? (
        <PostForm action={urls.organiser.publish(county.slug, e.id)} csrfToken={ctx.csrfToken}>
          <Button>Publicera evenemanget</Button>
        </PostForm>
      ) : (
        ''
      )}
      <ActionLinks
        label="Evenemanget"
        links={[
          abilities.canEdit && { href: urls.organiser.edit(county.slug, e.id), text: 'Ändra evenemanget' },
          abilities.canSeeRegistrants && {
            href: urls.registrants(county.slug, e.id),
            text: `Anmälda (${d(data.counts.taken)} med plats${data.counts.waiting ? `, ${d(data.counts.waiting)} på väntelistan` : ''})`,
          },
          abilities.canMessage && {
            href: urls.organiser.message(county.slug, e.id),
            text: 'Skicka ett meddelande till de anmälda',
          },
          { href: urls.organiser.evaluation(county.slug, e.id), text: 'Utvärdering efter evenemanget' },
          shown && { href: urls.event(county.slug, e.slug), text: 'Evenemangets sida i kalendern' },
          abilities.canCancel && {
            href: urls.organiser.cancel(county.slug, e.id),
            text: 'Ställ in evenemanget',
          },
        ]}
      />
      <h2 class="govuk-heading-m">Uppgifter</h2>
      <SummaryList rows={detailRows(data)} />
      {e.summary ? (
        <>
          <h2 class="govuk-heading-m">Ingress</h2>
          <p class="govuk-body sv-prewrap" safe>
            {e.summary}
          </p>
        </>
      ) : (
        ''
      )}
      {e.description ? (
        <>
          <h2 class="govuk-heading-m">Beskrivning</h2>
          <div class="sv-event-description">{safeMarkdown(e.description)}</div>
        </>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Program</h2>
      <ProgrammeList event={e} programme={data.programme} />
      {abilities.canEdit && data.started ? (
        <section aria-labelledby="recording-h">
          <h2 class="govuk-heading-m" id="recording-h">
            Inspelning
          </h2>
          <PostForm action={urls.organiser.recording(county.slug, e.id)} csrfToken={ctx.csrfToken}>
            <input type="hidden" name="version" value={String(e.version)} />
            <TextInput
              name="recordingUrl"
              label="Länk till inspelningen"
              hint="Visas på evenemangets sida i kalendern. Lämna tomt för att ta bort länken."
              type="url"
              form={{
                values: { recordingUrl: form.values.recordingUrl ?? e.recordingUrl ?? '' },
                errors: form.errors,
              }}
            />
            <Button variant="secondary">Spara länken</Button>
          </PostForm>
        </section>
      ) : (
        ''
      )}
      <FiguresTables view={data.figures} id="figures-h" />
    </Layout>
  );
}

/** Cancelling: what it means (every registrant is told), the message to them, and the button. */
export function CancelEventPage({
  ctx,
  county,
  event: e,
  registrants,
  refusal,
  form,
}: {
  ctx: PageContext;
  county: CountyOf;
  event: EventRow;
  /** standing registrations that will be told */
  registrants: number;
  /** why it may not be cancelled, when it may not */
  refusal: string | undefined;
  form: FormState;
}): JSX.Element {
  const back = urls.manageEvent(county.slug, e.id);
  return (
    <Layout
      ctx={ctx}
      title="Ställ in evenemanget"
      caption={e.title}
      breadcrumbs={[
        { href: urls.manage(county.slug), label: 'Evenemang' },
        { href: back, label: e.title },
      ]}
    >
      <ErrorSummary errors={form.errors} />
      {refusal ? (
        <>
          <p class="govuk-body" safe>{`Evenemanget kan inte ställas in: ${refusal}`}</p>
          <p class="govuk-body">
            <a class="govuk-link" href={back}>
              Tillbaka till evenemanget
            </a>
          </p>
        </>
      ) : (
        <>
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">Varning</span>
              <span safe>
                {registrants === 0
                  ? 'Ingen är anmäld. Evenemanget markeras som inställt i kalendern.'
                  : `Alla ${d(registrants)} anmälda, också de på väntelistan, får ett mejl om att evenemanget är inställt. Evenemanget markeras som inställt i kalendern. Det går inte att ångra.`}
              </span>
            </strong>
          </div>
          <PostForm action={urls.organiser.cancel(county.slug, e.id)} csrfToken={ctx.csrfToken}>
            <TextArea
              name="note"
              label="Meddelande till de anmälda"
              hint="Till exempel varför evenemanget ställs in och om det kommer ett nytt datum. Meddelandet står i mejlet och på evenemangets sida."
              rows={5}
              maxLength={EVENT_LIMITS.cancellationNote}
              form={form}
            />
            <div class="govuk-button-group">
              <Button variant="warning">Ställ in evenemanget</Button>
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
