import { formatDate } from '../../../platform/i18n.ts';
import { roleLabels } from '../../../platform/roles.ts';
import { EMAIL_MAX } from '../../../platform/validation.ts';
import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  ErrorSummary,
  PostForm,
  Select,
  Table,
  TextInput,
  type FormState,
  type Option,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { CONTENT_SLOT } from '../../../platform/kept-renders.ts';
import type { CountyMember, Invitation } from '../repository.ts';

export interface PeopleView {
  countyName: string;
  countySlug: string;
  members: CountyMember[];
  invitations: Array<Invitation & { organisationName: string }>;
  canInvite: boolean;
  /** the organisations the options are made from: the list's identity names their version */
  organisations: readonly unknown[];
  organisationOptions: Option[];
  roleOptions: Option[];
}

/** The people page's heading and breadcrumbs: its shell, around its content. */
export function peopleHeading(view: Pick<PeopleView, 'countyName' | 'countySlug'>) {
  return {
    title: 'Personer och behörigheter',
    caption: view.countyName,
    breadcrumbs: [{ href: `/${view.countySlug}/admin`, label: 'Länets arbete' }],
  };
}

export function PeoplePage({
  ctx,
  view,
  form,
}: {
  ctx: PageContext;
  view: PeopleView;
  form: FormState;
}): JSX.Element {
  return (
    <Layout ctx={ctx} {...peopleHeading(view)}>
      <PeopleContent view={view} form={form} csrfToken={ctx.csrfToken} />
    </Layout>
  );
}

/** The people page's shell, with a slot where its kept content goes (see `reply.keptHtml`). */
export function PeopleShell({ ctx, view }: { ctx: PageContext; view: PeopleView }): JSX.Element {
  return (
    <Layout ctx={ctx} {...peopleHeading(view)}>
      {CONTENT_SLOT}
    </Layout>
  );
}

/** What the people page shows inside its shell: the same for every viewer who may do the same. */
export function PeopleContent({
  view,
  form,
  csrfToken,
}: {
  view: PeopleView;
  form: FormState;
  csrfToken: string;
}): JSX.Element {
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Table
        caption="Personer med roller i länet"
        rows={view.members}
        empty="Ingen har någon roll i länet ännu."
        columns={[
          { header: 'Namn', cell: (m) => <span safe>{m.name}</span> },
          { header: 'E-post', cell: (m) => <span safe>{m.email}</span> },
          { header: 'Organisation', cell: (m) => <span safe>{m.organisationName}</span> },
          { header: 'Roll', cell: (m) => <span safe>{roleLabels[m.role].sv}</span> },
        ]}
      />
      <Table
        caption="Väntande inbjudningar"
        rows={view.invitations}
        empty="Inga väntande inbjudningar."
        columns={[
          { header: 'E-post', cell: (i) => <span safe>{i.email}</span> },
          { header: 'Organisation', cell: (i) => <span safe>{i.organisationName}</span> },
          { header: 'Roll', cell: (i) => <span safe>{roleLabels[i.role].sv}</span> },
          { header: 'Gäller till', cell: (i) => <span safe>{formatDate(i.expiresAt)}</span> },
        ]}
      />
      {view.canInvite ? (
        <section aria-labelledby="invite-heading">
          <h2 class="govuk-heading-m" id="invite-heading">
            Bjud in en person
          </h2>
          <p class="govuk-body">
            Den inbjudna får ett e-postmeddelande med en länk som gäller i sju dagar. Länsadministratör och
            länsredaktör kan bara ges till personer på länsstyrelsen.
          </p>
          <PostForm action={`/${view.countySlug}/admin/personer`} csrfToken={csrfToken}>
            <TextInput
              name="email"
              label="E-postadress"
              type="email"
              autocomplete="off"
              spellcheck={false}
              maxLength={EMAIL_MAX}
              form={form}
            />
            <Select
              name="organisationId"
              label="Organisation"
              placeholder="Välj organisation"
              options={view.organisationOptions}
              form={form}
            />
            <Select name="role" label="Roll" placeholder="Välj roll" options={view.roleOptions} form={form} />
            <Button>Skicka inbjudan</Button>
          </PostForm>
        </section>
      ) : (
        ''
      )}
    </>
  );
}
