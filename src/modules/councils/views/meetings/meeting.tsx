import type { Decision } from '../../../../platform/authz.ts';
import { formatDateTime } from '../../../../platform/i18n.ts';
import { safeMarkdown } from '../../../../platform/markdown.ts';
import type { CountyRecord } from '../../../../platform/tenancy.ts';
import {
  Button,
  Details,
  ErrorSummary,
  PostForm,
  SummaryList,
  Tag,
  TextArea,
  TextInput,
  type FormState,
} from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import { whenOfEvent } from '../../../events/index.ts';
import {
  attendanceStatusLabels,
  documentKindLabels,
  meetingStatusLabels,
  representativeRoleLabels,
} from '../../labels.ts';
import type { AgendaItemRow, AttendanceRow, MeetingRow } from '../../meetings-repository.ts';
import { MEETING_LIMITS } from '../../meetings.ts';
import type { BodyRow, CouncilRow, RepresentativeRow } from '../../repository.ts';
import { attendanceStatuses, type DocumentKind } from '../../tables.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { Refusal } from '../work-parts.tsx';
import { MeetingFields } from './list.tsx';

export interface MeetingPageData {
  county: Pick<CountyRecord, 'name' | 'slug'>;
  council: CouncilRow;
  meeting: MeetingRow;
  body: BodyRow;
  bodies: BodyRow[];
  agenda: AgendaItemRow[];
  /** the body's people (their attendance is recorded) */
  people: RepresentativeRow[];
  attendance: AttendanceRow[];
  papers: Array<{ id: string; title: string; kind: DocumentKind }>;
  /** the decisions taken under the agenda's items */
  decisions: Array<{ id: string; number: string; title: string }>;
  /** what the viewer may do now, each with its reason when the state forbids it */
  abilities: Record<'edit' | 'invite' | 'agenda' | 'record' | 'hold', Decision>;
}

/** The fields of the meeting form as the meeting has them (the form's own values win after a failed post). */
export function meetingValues(m: MeetingRow): Record<string, string> {
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' });
  const clock = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
  });
  return {
    bodyId: m.bodyId,
    title: m.title,
    date: date.format(m.startsAt),
    startTime: clock.format(m.startsAt).replace(':', '.'),
    endTime: clock.format(m.endsAt).replace(':', '.'),
    location: m.location,
    onlineUrl: m.onlineUrl ?? '',
  };
}

const hasAny = (form: FormState, names: string[]) => names.some((n) => n in form.errors);

/**
 * A meeting of a body: when and where, its agenda with notes, the papers, the invitation, attendance and
 * minutes. The body's people see it; the county's admin changes it (what the state allows, policy.ts says).
 */
export function MeetingPage({
  ctx,
  data,
  form,
}: {
  ctx: PageContext;
  data: MeetingPageData;
  form: FormState;
}): JSX.Element {
  const { county, council, meeting, body, agenda, people, attendance, papers, abilities } = data;
  const base = urls.meeting(county.slug, council.slug, meeting.id);
  const values = { ...meetingValues(meeting), minutes: meeting.minutes, ...form.values };
  const editForm: FormState = { values, errors: form.errors };
  const statusOf = new Map(attendance.map((a) => [a.representativeId, a.status]));
  const editFields = ['bodyId', 'title', 'date', 'startTime', 'endTime', 'location', 'onlineUrl'];
  return (
    <CouncilRoom
      ctx={ctx}
      county={county}
      council={council}
      part="meetings"
      title={meeting.title}
      trail={[{ href: base, label: meeting.title }]}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        <Tag
          text={meetingStatusLabels[meeting.status]}
          colour={meeting.status === 'cancelled' ? 'red' : meeting.status === 'held' ? 'grey' : 'blue'}
        />
      </p>
      <SummaryList
        rows={[
          { key: 'Grupp', value: body.name },
          { key: 'Tid', value: whenOfEvent(meeting.startsAt, meeting.endsAt) },
          { key: 'Plats', value: meeting.location || 'Bara digitalt' },
          ...(meeting.onlineUrl
            ? [
                {
                  key: 'Digitalt möte',
                  value: meeting.onlineUrl,
                  action: { href: meeting.onlineUrl, text: 'Öppna', hidden: 'länken till mötet' },
                },
              ]
            : []),
          {
            key: 'Kallelse',
            value: meeting.invitationsSentAt
              ? `Skickad ${formatDateTime(meeting.invitationsSentAt)}`
              : 'Inte skickad',
          },
        ]}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={urls.meetingIcs(county.slug, council.slug, meeting.id)}>
          Ladda ner kallelsen som kalenderfil (.ics)
        </a>
      </p>

      {abilities.invite.allowed ? (
        <PostForm action={`${base}/kallelse`} csrfToken={ctx.csrfToken}>
          <p class="govuk-body">
            Kallelsen går med e-post till alla i gruppen som har en e-postadress, med dagordningen,
            handlingarna och mötet som kalenderinbjudan.
          </p>
          <Button>{meeting.invitationsSentAt ? 'Skicka kallelsen igen' : 'Skicka kallelse'}</Button>
        </PostForm>
      ) : (
        <Refusal decision={abilities.invite} />
      )}
      {abilities.hold.allowed ? (
        <PostForm action={`${base}/hallet`} csrfToken={ctx.csrfToken}>
          <Button variant="secondary">Markera mötet som hållet</Button>
        </PostForm>
      ) : (
        ''
      )}
      {abilities.edit.allowed ? (
        <>
          <Details summary="Ändra mötet" open={hasAny(form, editFields)}>
            <PostForm action={base} csrfToken={ctx.csrfToken}>
              <MeetingFields form={editForm} bodies={data.bodies} />
              {meeting.invitationsSentAt ? (
                <p class="govuk-body">Kallelsen är skickad: ändringen skickas till gruppens personer.</p>
              ) : (
                ''
              )}
              <Button>Spara ändringarna</Button>
            </PostForm>
          </Details>
          <Details summary="Ställ in mötet">
            <PostForm action={`${base}/stall-in`} csrfToken={ctx.csrfToken}>
              <p class="govuk-body">
                {meeting.invitationsSentAt
                  ? 'De som fått kallelsen får ett mejl om att mötet är inställt, som tar bort det ur deras kalender.'
                  : 'Mötet finns kvar i listan som inställt.'}
              </p>
              <Button variant="warning">Ställ in mötet</Button>
            </PostForm>
          </Details>
        </>
      ) : (
        ''
      )}

      <section aria-labelledby="agenda">
        <h2 class="govuk-heading-m" id="agenda">
          Dagordning
        </h2>
        {agenda.length === 0 ? <p class="govuk-body">Dagordningen är tom.</p> : ''}
        <ol class="govuk-list govuk-list--number">
          {agenda.map((item, i) => (
            <li>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1" safe>
                {item.title}
              </h3>
              {item.notes ? <div class="sv-prose">{safeMarkdown(item.notes)}</div> : ''}
              {data.decisions
                .filter((d) => d.id === item.decisionId)
                .map((d) => (
                  <p class="govuk-body">
                    <a class="govuk-link" href={urls.decision(county.slug, council.slug, d.id)} safe>
                      {`Beslut ${d.number}: ${d.title}`}
                    </a>
                  </p>
                ))}
              {abilities.agenda.allowed ? (
                <>
                  <PostForm action={`${base}/dagordning/${item.id}`} csrfToken={ctx.csrfToken}>
                    {i > 0 ? (
                      <Button variant="secondary" small name="move" value="up">
                        Flytta upp<span class="govuk-visually-hidden" safe>{` ${item.title}`}</span>
                      </Button>
                    ) : (
                      ''
                    )}{' '}
                    {i < agenda.length - 1 ? (
                      <Button variant="secondary" small name="move" value="down">
                        Flytta ner<span class="govuk-visually-hidden" safe>{` ${item.title}`}</span>
                      </Button>
                    ) : (
                      ''
                    )}
                  </PostForm>
                  <Details
                    summary={`Anteckningar till ${item.title}`}
                    open={`notes-${item.id}` in form.errors}
                  >
                    <PostForm action={`${base}/dagordning/${item.id}`} csrfToken={ctx.csrfToken}>
                      <TextArea
                        name={`notes-${item.id}`}
                        label="Anteckningar"
                        hint="Vad som sades eller beslutades. Markdown går att använda."
                        form={{
                          values: { [`notes-${item.id}`]: form.values[`notes-${item.id}`] ?? item.notes },
                          errors: form.errors,
                        }}
                        rows={5}
                        maxLength={MEETING_LIMITS.notes}
                      />
                      <Button variant="secondary" name="save" value="notes">
                        Spara anteckningarna
                      </Button>
                    </PostForm>
                  </Details>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
        {abilities.agenda.allowed ? (
          <PostForm action={`${base}/dagordning`} csrfToken={ctx.csrfToken}>
            <TextInput
              name="itemTitle"
              label="Ny punkt på dagordningen"
              form={form}
              maxLength={MEETING_LIMITS.agendaTitle}
            />
            <Button variant="secondary">Lägg till punkten</Button>
          </PostForm>
        ) : (
          ''
        )}
      </section>

      <section aria-labelledby="papers">
        <h2 class="govuk-heading-m" id="papers">
          Handlingar
        </h2>
        {papers.length === 0 ? (
          <p class="govuk-body">Inga handlingar är kopplade till mötet.</p>
        ) : (
          <ul class="govuk-list">
            {papers.map((p) => (
              <li>
                <a class="govuk-link" href={urls.document(county.slug, council.slug, p.id)} safe>
                  {p.title}
                </a>{' '}
                <span class="govuk-hint" safe>{`(${documentKindLabels[p.kind]})`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="attendance-heading">
        <h2 class="govuk-heading-m" id="attendance-heading">
          Närvaro
        </h2>
        {abilities.record.allowed && people.length > 0 ? (
          <PostForm action={`${base}/narvaro`} csrfToken={ctx.csrfToken}>
            <div
              id="attendance"
              class={`govuk-form-group${form.errors.attendance ? ' govuk-form-group--error' : ''}`}
            >
              {form.errors.attendance ? (
                <p class="govuk-error-message" id="attendance-error">
                  <span class="govuk-visually-hidden">Fel:</span> <span safe>{form.errors.attendance}</span>
                </p>
              ) : (
                ''
              )}
              {people.map((p) => {
                const chosen = form.values[`attendance-${p.id}`] ?? statusOf.get(p.id) ?? '';
                return (
                  <fieldset class="govuk-fieldset govuk-!-margin-bottom-4" id={`attendance-${p.id}`}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
                      {`${p.name}, ${representativeRoleLabels[p.role]}`}
                    </legend>
                    <div class="govuk-radios govuk-radios--small govuk-radios--inline">
                      {attendanceStatuses.map((s) => (
                        <div class="govuk-radios__item">
                          <input
                            class="govuk-radios__input"
                            type="radio"
                            id={`attendance-${p.id}-${s}`}
                            name={`attendance-${p.id}`}
                            value={s}
                            checked={chosen === s}
                          />
                          <label class="govuk-label govuk-radios__label" for={`attendance-${p.id}-${s}`} safe>
                            {attendanceStatusLabels[s]}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                );
              })}
            </div>
            <Button variant="secondary">Spara närvaron</Button>
          </PostForm>
        ) : (
          <>
            {people.length === 0 ? <p class="govuk-body">Gruppen har inga personer än.</p> : ''}
            <ul class="govuk-list">
              {people
                .filter((p) => statusOf.has(p.id))
                .map((p) => (
                  <li safe>{`${p.name}: ${attendanceStatusLabels[statusOf.get(p.id)!]}`}</li>
                ))}
            </ul>
            <Refusal decision={abilities.record} />
          </>
        )}
      </section>

      <section aria-labelledby="minutes-heading">
        <h2 class="govuk-heading-m" id="minutes-heading">
          Protokoll
        </h2>
        {meeting.minutes ? (
          <div class="sv-prose">{safeMarkdown(meeting.minutes)}</div>
        ) : (
          <p class="govuk-body">Inget protokoll än.</p>
        )}
        {abilities.record.allowed ? (
          <Details summary="Skriv protokollet" open={'minutes' in form.errors}>
            <PostForm action={`${base}/protokoll`} csrfToken={ctx.csrfToken}>
              <TextArea
                name="minutes"
                label="Protokoll"
                hint="Markdown går att använda. Det justerade protokollet kan laddas upp som dokument av typen protokoll."
                form={editForm}
                rows={12}
                maxLength={MEETING_LIMITS.minutes}
              />
              <Button variant="secondary">Spara protokollet</Button>
            </PostForm>
          </Details>
        ) : (
          ''
        )}
      </section>
    </CouncilRoom>
  );
}
