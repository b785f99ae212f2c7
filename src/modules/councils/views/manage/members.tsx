import type { PageContext } from '../../../../ui/context.ts';
import {
  Button,
  Choices,
  ErrorMessage,
  ErrorSummary,
  FileUpload,
  PostForm,
  SummaryList,
  Table,
  TextInput,
  emptyForm,
  type FormState,
} from '../../../../ui/components.tsx';
import { organisationTypeLabels, type OrganisationView } from '../../../reference/index.ts';
import { dayText } from '../../labels.ts';
import type { LogoView } from '../../logos.ts';
import type { MemberView } from '../../repository.ts';
import type { CouncilRoom as Room } from '../../service.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { MemberLogo, StateReason, type CountyOf } from './parts.tsx';

export type MemberWithLogo = MemberView & { logo: LogoView | undefined };

export interface MembersData {
  room: Room;
  county: CountyOf;
  members: MemberWithLogo[];
  /** the organisations the add form offers (those not members now), and the search that chose them */
  candidates: OrganisationView[];
  search: string;
}

const typeOf = (m: Pick<MemberView, 'type'>) => organisationTypeLabels[m.type];

/**
 * A council's member organisations, current and former, with their logos; its admins add organisations (of
 * any type and county: a search over all of them, or the county's own and the national ones by type) and
 * open a member to give it a logo or end its membership.
 */
export function MembersPage({
  ctx,
  data,
  form,
}: {
  ctx: PageContext;
  data: MembersData;
  form: FormState;
}): JSX.Element {
  const { room, county, members, candidates, search } = data;
  const { council } = room;
  const current = members.filter((m) => m.leftOn === null);
  const former = members.filter((m) => m.leftOn !== null);
  const mayEdit = room.manages && room.editing.allowed;
  const name = (m: MemberWithLogo) =>
    room.manages ? (
      <a class="govuk-link" href={urls.member(county.slug, council.slug, m.id)} safe>
        {m.name}
      </a>
    ) : (
      <span safe>{m.name}</span>
    );
  const logo = (m: MemberWithLogo) => (m.logo ? <MemberLogo logo={m.logo} organisation={m.name} /> : <></>);
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="members" title="Medlemmar">
      <ErrorSummary errors={form.errors} />
      <Table
        caption="Nuvarande medlemmar"
        rows={current}
        empty="Rådet har inga medlemmar nu."
        columns={[
          { header: 'Organisation', cell: name },
          {
            header: 'Typ',
            cell: (m) => <span safe>{m.convenes ? `${typeOf(m)} (sammankallande)` : typeOf(m)}</span>,
          },
          { header: 'Medlem sedan', cell: (m) => <span safe>{dayText(m.joinedOn)}</span> },
          { header: 'Logotyp', cell: logo },
        ]}
      />
      {former.length > 0 ? (
        <Table
          caption="Tidigare medlemmar"
          rows={former}
          columns={[
            { header: 'Organisation', cell: name },
            { header: 'Typ', cell: (m) => <span safe>{typeOf(m)}</span> },
            { header: 'Medlem sedan', cell: (m) => <span safe>{dayText(m.joinedOn)}</span> },
            { header: 'Lämnade', cell: (m) => <span safe>{dayText(m.leftOn!)}</span> },
          ]}
        />
      ) : (
        ''
      )}
      {room.manages ? (
        <section aria-labelledby="add-members">
          <h2 class="govuk-heading-m" id="add-members">
            Lägg till medlemmar
          </h2>
          {mayEdit ? (
            <AddMembers data={data} form={form} ctx={ctx} search={search} candidates={candidates} />
          ) : (
            <StateReason decision={room.editing} />
          )}
        </section>
      ) : (
        ''
      )}
    </CouncilRoom>
  );
}

function AddMembers({
  ctx,
  data,
  form,
  search,
  candidates,
}: {
  ctx: PageContext;
  data: MembersData;
  form: FormState;
  search: string;
  candidates: OrganisationView[];
}): JSX.Element {
  const { county, room } = data;
  const action = urls.members(county.slug, room.council.slug);
  const groups = Object.entries(organisationTypeLabels)
    .map(([type, label]) => ({ type, label, orgs: candidates.filter((o) => o.type === type) }))
    .filter((g) => g.orgs.length > 0);
  const chosen = { values: form.values, errors: {} };
  const error = form.errors.organisationIds;
  const noneLeft = search
    ? `Ingen organisation som inte redan är medlem matchar ”${search}”.`
    : 'Alla organisationer är redan medlemmar.';
  return (
    <>
      <form
        method="get"
        action={action}
        class="govuk-!-margin-bottom-6"
        role="search"
        aria-label="Sök organisationer"
      >
        <TextInput
          name="sok"
          label="Sök bland alla organisationer"
          hint="Alla län och slag. Utan sökning visas länets egna och de nationella organisationerna."
          form={emptyForm({ sok: search })}
        />
        <Button variant="secondary">Sök</Button>
      </form>
      {groups.length === 0 ? (
        <p class="govuk-body" safe>
          {noneLeft}
        </p>
      ) : (
        <PostForm action={action} csrfToken={ctx.csrfToken}>
          <input type="hidden" name="sok" value={search} />
          <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id="organisationIds">
            <ErrorMessage id="organisationIds" message={error} />
            {groups.map((g) => (
              <Choices
                name="organisationIds"
                idPrefix={g.type}
                label={g.label}
                multiple
                options={g.orgs.map((o) => ({
                  value: o.id,
                  label:
                    o.countyName && o.countyCode !== county.code ? `${o.name} (${o.countyName})` : o.name,
                }))}
                form={chosen}
              />
            ))}
          </div>
          <TextInput
            name="date"
            label="Medlemmar från"
            hint="Som ÅÅÅÅ-MM-DD, till exempel 2026-09-01"
            width="govuk-input--width-10"
            form={form}
          />
          <Button>Lägg till de valda</Button>
        </PostForm>
      )}
    </>
  );
}

/** One member of a council: its logo (upload or replace) and ending its membership. */
export function MemberPage({
  ctx,
  room,
  county,
  member,
  form,
}: {
  ctx: PageContext;
  room: Room;
  county: CountyOf;
  member: MemberWithLogo;
  form: FormState;
}): JSX.Element {
  const { council } = room;
  const mayEdit = room.editing.allowed;
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="members" title={member.name} trail={[]}>
      <ErrorSummary errors={form.errors} />
      <SummaryList
        rows={[
          { key: 'Typ', value: member.convenes ? `${typeOf(member)} (sammankallande)` : typeOf(member) },
          { key: 'Medlem sedan', value: dayText(member.joinedOn) },
          ...(member.leftOn ? [{ key: 'Lämnade', value: dayText(member.leftOn) }] : []),
        ]}
      />
      <section aria-labelledby="logo-heading">
        <h2 class="govuk-heading-m" id="logo-heading">
          Logotyp
        </h2>
        {member.logo ? (
          <p class="govuk-body">
            <MemberLogo logo={member.logo} organisation={member.name} />
          </p>
        ) : (
          <p class="govuk-body">Ingen logotyp ännu.</p>
        )}
        {mayEdit ? (
          <PostForm
            action={urls.memberLogo(county.slug, council.slug, member.id)}
            csrfToken={ctx.csrfToken}
            uploads
          >
            <FileUpload
              name="logo"
              label={member.logo ? 'Byt logotyp' : 'Ladda upp logotyp'}
              hint="En PNG- eller JPEG-bild. Den visas på rådets publika sida."
              accept="image/png,image/jpeg"
              form={form}
            />
            <Button>Spara logotypen</Button>
          </PostForm>
        ) : (
          <StateReason decision={room.editing} />
        )}
      </section>
      {member.leftOn === null && mayEdit ? (
        <section aria-labelledby="end">
          <h2 class="govuk-heading-m" id="end">
            Avsluta medlemskapet
          </h2>
          <p class="govuk-body">Organisationen finns kvar i rådets historik som tidigare medlem.</p>
          <PostForm action={urls.memberEnd(county.slug, council.slug, member.id)} csrfToken={ctx.csrfToken}>
            <TextInput
              name="date"
              label="Sista dag som medlem"
              hint="Som ÅÅÅÅ-MM-DD, till exempel 2026-12-31"
              width="govuk-input--width-10"
              form={form}
            />
            <Button variant="warning">Avsluta medlemskapet</Button>
          </PostForm>
        </section>
      ) : (
        ''
      )}
    </CouncilRoom>
  );
}
