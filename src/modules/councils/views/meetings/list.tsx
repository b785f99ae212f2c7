import type { Decision } from '../../../../platform/authz.ts';
import type { CountyRecord } from '../../../../platform/tenancy.ts';
import {
  ErrorSummary,
  PostForm,
  Select,
  Table,
  Tag,
  TextInput,
  Button,
  type FormState,
} from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import { whenOfEvent } from '../../../events/index.ts';
import { meetingStatusLabels } from '../../labels.ts';
import type { MeetingRow } from '../../meetings-repository.ts';
import { MEETING_LIMITS } from '../../meetings.ts';
import type { BodyRow, CouncilRow } from '../../repository.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { AdminSection } from '../work-parts.tsx';

export interface MeetingsListData {
  county: Pick<CountyRecord, 'name' | 'slug'>;
  council: CouncilRow;
  /** the meetings of the bodies the viewer sees, the latest first */
  meetings: MeetingRow[];
  /** the council's bodies (names of the meetings' bodies; the plan form's choices) */
  bodies: BodyRow[];
  /** planning a meeting: the county's admin while the council is active (else why not, or the role is missing) */
  planning: Decision;
  now: Date;
}

/** The meeting form's fields (planning one here, changing one on its page). */
export function MeetingFields({ form, bodies }: { form: FormState; bodies: BodyRow[] }): JSX.Element {
  return (
    <>
      <Select
        name="bodyId"
        label="Grupp"
        form={form}
        placeholder="Välj grupp"
        options={bodies.map((b) => ({ value: b.id, label: b.name }))}
      />
      <TextInput name="title" label="Rubrik" form={form} maxLength={MEETING_LIMITS.title} />
      <TextInput
        name="date"
        label="Datum"
        hint="Som ÅÅÅÅ-MM-DD, till exempel 2027-03-15"
        form={form}
        width="govuk-input--width-10"
      />
      <TextInput
        name="startTime"
        label="Börjar klockan"
        hint="Svensk tid, som TT.MM, till exempel 13.00"
        form={form}
        width="govuk-input--width-4"
      />
      <TextInput
        name="endTime"
        label="Slutar klockan"
        hint="Som TT.MM, till exempel 15.30"
        form={form}
        width="govuk-input--width-4"
      />
      <TextInput
        name="location"
        label="Plats"
        hint="Adress och lokal. Lämna tomt om mötet bara är digitalt."
        form={form}
        maxLength={MEETING_LIMITS.location}
      />
      <TextInput
        name="onlineUrl"
        label="Länk till digitalt möte"
        hint="Skickas bara till gruppens personer, i kallelsen"
        type="url"
        form={form}
        spellcheck={false}
        maxLength={MEETING_LIMITS.onlineUrl}
      />
    </>
  );
}

/** The council's meetings (Möten): the viewer's bodies', or all for the county's admin, and planning one. */
export function MeetingsListPage({
  ctx,
  data,
  form,
}: {
  ctx: PageContext;
  data: MeetingsListData;
  form: FormState;
}): JSX.Element {
  const { county, council, meetings, bodies, planning, now } = data;
  const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
  const upcoming = meetings.filter((m) => m.endsAt > now && m.status === 'planned').reverse();
  const earlier = meetings.filter((m) => !upcoming.includes(m));
  const columns = [
    {
      header: 'Möte',
      cell: (m: MeetingRow) => (
        <a class="govuk-link" href={urls.meeting(county.slug, council.slug, m.id)} safe>
          {m.title}
        </a>
      ),
    },
    { header: 'Grupp', cell: (m: MeetingRow) => <span safe>{bodyName.get(m.bodyId) ?? ''}</span> },
    { header: 'Tid', cell: (m: MeetingRow) => <span safe>{whenOfEvent(m.startsAt, m.endsAt)}</span> },
    {
      header: 'Status',
      cell: (m: MeetingRow) => (
        <Tag
          text={meetingStatusLabels[m.status]}
          colour={m.status === 'cancelled' ? 'red' : m.status === 'held' ? 'grey' : 'blue'}
        />
      ),
    },
  ];
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="meetings" title="Möten">
      <ErrorSummary errors={form.errors} />
      <Table
        caption="Kommande möten"
        columns={columns}
        rows={upcoming}
        empty="Inga kommande möten i dina grupper."
      />
      <Table
        caption="Tidigare och inställda möten"
        columns={columns}
        rows={earlier}
        empty="Inga tidigare möten."
      />
      <AdminSection decision={planning} id="plan" heading="Planera ett möte">
        <PostForm action={urls.meetings(county.slug, council.slug)} csrfToken={ctx.csrfToken}>
          <MeetingFields form={form} bodies={bodies} />
          <Button>Planera mötet</Button>
        </PostForm>
      </AdminSection>
    </CouncilRoom>
  );
}
