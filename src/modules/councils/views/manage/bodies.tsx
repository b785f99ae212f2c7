import { Html } from '@kitajs/html';
import type { PageContext } from '../../../../ui/context.ts';
import {
  Button,
  ErrorSummary,
  PostForm,
  Select,
  Table,
  TextArea,
  TextInput,
  emptyForm,
  scopedErrors,
  type FormState,
  type Option,
} from '../../../../ui/components.tsx';
import { bodyKindLabels, representativeRoleLabels } from '../../labels.ts';
import { bodyKinds, type TreeNode } from '../../lifecycle.ts';
import type { BodyRow, MemberView, RepresentativeRow } from '../../repository.ts';
import type { CouncilRoom as Room } from '../../service.ts';
import { representativeRoles } from '../../tables.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { StateReason, type CountyOf } from './parts.tsx';

type BodyNode = TreeNode<BodyRow & { people: RepresentativeRow[] }>;

export interface BodiesData {
  room: Room;
  county: CountyOf;
  tree: BodyNode[];
  bodies: BodyRow[];
}

/** The form on the page that was posted and refused: its messages, and which body's move form it was. */
export interface BodiesForm {
  form: FormState;
  /** the body whose "reports to" form was posted, when that one was */
  movedId?: string | undefined;
}

const kindOptions: Option[] = bodyKinds
  .filter((k) => k !== 'council')
  .map((k) => ({ value: k, label: bodyKindLabels[k] }));
const roleOptions: Option[] = representativeRoles.map((r) => ({
  value: r,
  label: representativeRoleLabels[r],
}));
const heading = (depth: number) => `h${Math.min(depth + 2, 6)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
const movePrefix = (bodyId: string) => `flytta-${bodyId}`;

/**
 * A council's bodies as a tree: nested lists, each body a heading at its depth with its kind, commission and
 * number of people, its page a link. The county's admins add bodies and move one to report to another.
 */
export function BodiesPage({
  ctx,
  data,
  posted,
}: {
  ctx: PageContext;
  data: BodiesData;
  posted: BodiesForm;
}): JSX.Element {
  const { room, county, tree, bodies } = data;
  const { council } = room;
  const mayEdit = room.manages && room.editing.allowed;
  const parents: Option[] = bodies.map((b) => ({ value: b.id, label: b.name }));
  const addForm = posted.movedId ? emptyForm() : posted.form;
  const summary = posted.movedId
    ? scopedErrors(posted.form.errors, movePrefix(posted.movedId))
    : posted.form.errors;
  const Level = ({ nodes, depth }: { nodes: BodyNode[]; depth: number }): JSX.Element => (
    <ul class="govuk-list sv-tree">
      {nodes.map((b) => {
        const H = heading(depth);
        return (
          <li>
            <H class="govuk-heading-s govuk-!-margin-bottom-1">
              <a class="govuk-link" href={urls.body(county.slug, council.slug, b.id)} safe>
                {b.name}
              </a>
            </H>
            <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
              {`${bodyKindLabels[b.kind]} · ${b.people.length === 1 ? '1 person' : `${b.people.length} personer`}`}
            </p>
            {b.commission ? (
              <p class="govuk-body-s" safe>
                {b.commission}
              </p>
            ) : (
              ''
            )}
            {mayEdit && b.kind !== 'council' ? (
              <PostForm action={urls.bodyMove(county.slug, council.slug, b.id)} csrfToken={ctx.csrfToken}>
                <Select
                  name="reportsToId"
                  idPrefix={movePrefix(b.id)}
                  label={`${b.name} rapporterar till`}
                  options={parents.filter((p) => p.value !== b.id)}
                  form={
                    posted.movedId === b.id ? posted.form : emptyForm({ reportsToId: b.reportsToId ?? '' })
                  }
                />
                <Button variant="secondary" small>
                  {Html.escapeHtml(`Flytta ${b.name}`)}
                </Button>
              </PostForm>
            ) : (
              ''
            )}
            {b.children.length > 0 ? <Level nodes={b.children} depth={depth + 1} /> : ''}
          </li>
        );
      })}
    </ul>
  );
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="bodies" title="Organisation">
      <ErrorSummary errors={summary} />
      <Level nodes={tree} depth={0} />
      {room.manages ? (
        <section aria-labelledby="add-body">
          <h2 class="govuk-heading-m" id="add-body">
            Lägg till en grupp
          </h2>
          {mayEdit ? (
            <PostForm action={urls.bodies(county.slug, council.slug)} csrfToken={ctx.csrfToken}>
              <Select
                name="kind"
                label="Sorts grupp"
                placeholder="Välj"
                options={kindOptions}
                form={addForm}
              />
              <TextInput name="name" label="Namn" maxLength={200} form={addForm} />
              <TextArea name="commission" label="Uppdrag" rows={4} maxLength={10_000} form={addForm} />
              <Select
                name="reportsToId"
                label="Rapporterar till"
                placeholder="Välj"
                options={parents}
                form={addForm}
              />
              <Button>Lägg till gruppen</Button>
            </PostForm>
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

export interface BodyData {
  room: Room;
  county: CountyOf;
  body: BodyRow;
  reportsTo: BodyRow | undefined;
  people: RepresentativeRow[];
  /** the council's current members: whom a person may represent */
  members: MemberView[];
  /** the body's internal parts (its people's addresses) may be shown to the viewer */
  internal: boolean;
}

/** What was posted on a body's page and refused: the add form's input, or one person's role form. */
export interface BodyForm {
  form: FormState;
  /** the person whose role form was posted, when that one was */
  personId?: string | undefined;
}

const rolePrefix = (personId: string) => `roll-${personId}`;

/**
 * One body: its commission and where it reports, its people (name, title, organisation, role, and their
 * addresses to those the body's internal parts are for); its admins add a person, change a role, remove one.
 */
export function BodyPage({
  ctx,
  data,
  posted,
}: {
  ctx: PageContext;
  data: BodyData;
  posted: BodyForm;
}): JSX.Element {
  const { room, county, body, reportsTo, people, members, internal } = data;
  const { council } = room;
  const mayEdit = room.manages && room.editing.allowed;
  const orgName = new Map(members.map((m) => [m.organisationId, m.name]));
  const addForm = posted.personId ? emptyForm() : posted.form;
  const summary = posted.personId
    ? scopedErrors(posted.form.errors, rolePrefix(posted.personId))
    : posted.form.errors;
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="bodies" title={body.name} trail={[]}>
      <ErrorSummary errors={summary} />
      <p class="govuk-body" safe>
        {reportsTo
          ? `${bodyKindLabels[body.kind]}. Rapporterar till ${reportsTo.name}.`
          : `${bodyKindLabels[body.kind]}.`}
      </p>
      <section aria-labelledby="commission">
        <h2 class="govuk-heading-m" id="commission">
          Uppdrag
        </h2>
        <p class="govuk-body sv-prewrap" safe>
          {body.commission || 'Uppdraget är inte beskrivet.'}
        </p>
      </section>
      <Table
        caption="Personer"
        rows={people}
        empty="Gruppen har inga personer ännu."
        columns={[
          { header: 'Namn', cell: (p) => <span safe>{p.name}</span> },
          { header: 'Befattning', cell: (p) => <span safe>{p.title}</span> },
          {
            header: 'Organisation',
            cell: (p) => <span safe>{orgName.get(p.organisationId) ?? 'Tidigare medlem'}</span>,
          },
          {
            header: 'Roll',
            cell: (p) =>
              mayEdit ? (
                <PostForm
                  action={urls.personRole(county.slug, council.slug, body.id, p.id)}
                  csrfToken={ctx.csrfToken}
                >
                  <Select
                    name="role"
                    idPrefix={rolePrefix(p.id)}
                    label={`Roll för ${p.name}`}
                    options={roleOptions}
                    form={posted.personId === p.id ? posted.form : emptyForm({ role: p.role })}
                  />
                  <Button variant="secondary" small>
                    Ändra roll<span class="govuk-visually-hidden">{Html.escapeHtml(` för ${p.name}`)}</span>
                  </Button>
                </PostForm>
              ) : (
                <span safe>{representativeRoleLabels[p.role]}</span>
              ),
          },
          ...(internal
            ? [{ header: 'E-post', cell: (p: RepresentativeRow) => <span safe>{p.email ?? ''}</span> }]
            : []),
          ...(mayEdit
            ? [
                {
                  header: 'Ta bort',
                  cell: (p: RepresentativeRow) => (
                    <PostForm
                      action={urls.personRemove(county.slug, council.slug, body.id, p.id)}
                      csrfToken={ctx.csrfToken}
                    >
                      <Button variant="warning" small>
                        Ta bort<span class="govuk-visually-hidden">{Html.escapeHtml(` ${p.name}`)}</span>
                      </Button>
                    </PostForm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {room.manages ? (
        <section aria-labelledby="add-person">
          <h2 class="govuk-heading-m" id="add-person">
            Lägg till en person
          </h2>
          {mayEdit ? (
            <PostForm action={urls.people(county.slug, council.slug, body.id)} csrfToken={ctx.csrfToken}>
              <Select
                name="organisationId"
                label="Organisation"
                hint="En av rådets medlemsorganisationer"
                placeholder="Välj"
                options={members.map((m) => ({ value: m.organisationId, label: m.name }))}
                form={addForm}
              />
              <TextInput name="name" label="Namn" maxLength={200} autocomplete="off" form={addForm} />
              <TextInput name="title" label="Befattning (valfri)" maxLength={200} form={addForm} />
              <TextInput
                name="email"
                label="E-postadress (valfri)"
                hint="Har personen ett konto med den adressen ser hen rådets interna sidor."
                type="email"
                autocomplete="off"
                spellcheck={false}
                form={addForm}
              />
              <Select name="role" label="Roll" placeholder="Välj" options={roleOptions} form={addForm} />
              <Button>Lägg till personen</Button>
            </PostForm>
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
