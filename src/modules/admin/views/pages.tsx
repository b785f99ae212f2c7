import { formatDateTime } from '../../../platform/i18n.ts';
import type { MailboxEntry } from '../../../platform/mail.ts';
import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  ErrorSummary,
  PostForm,
  Select,
  SummaryList,
  Table,
  TextInput,
  type FormState,
  type Option,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { OrganisationView } from '../../reference/index.ts';
import { organisationTypeLabel } from '../../workspace/index.ts';
import type { AuditRow, QueueStats } from '../repository.ts';

const crumbs = [{ href: '/admin', label: 'Administration' }];

export function AdminHomePage({
  ctx,
  counts,
  queue,
  fileMailbox,
}: {
  ctx: PageContext;
  counts: { counties: number; municipalities: number; organisations: number; users: number };
  queue: QueueStats;
  fileMailbox: boolean;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Administration">
      <SummaryList
        rows={[
          { key: 'Län', value: String(counts.counties) },
          { key: 'Kommuner', value: String(counts.municipalities) },
          { key: 'Organisationer', value: String(counts.organisations) },
          { key: 'Användare', value: String(counts.users) },
          { key: 'Jobb i kö / misslyckade', value: `${queue.pending} / ${queue.failed}` },
        ]}
      />
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href="/admin/organisationer">
            Organisationer
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/admin/anvandare">
            Användare
          </a>
        </li>
        {fileMailbox ? (
          <li>
            <a class="govuk-link" href="/admin/e-post">
              Utgående e-post (filbrevlåda)
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="govuk-link" href="/admin/granskningslogg">
            Granskningslogg
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export function OrganisationsPage({
  ctx,
  organisations,
  countyOptions,
  typeOptions,
  filter,
}: {
  ctx: PageContext;
  organisations: OrganisationView[];
  countyOptions: Option[];
  typeOptions: Option[];
  filter: { county: string; type: string };
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Organisationer" breadcrumbs={crumbs}>
      <p class="govuk-body">
        <a class="govuk-link" href="/admin/organisationer/ny">
          Lägg till en organisation
        </a>
      </p>
      <form method="get" action="/admin/organisationer" class="govuk-!-margin-bottom-6">
        <div class="govuk-form-group">
          <label class="govuk-label" for="county">
            Län
          </label>
          <select class="govuk-select" id="county" name="county">
            <option value="">Alla län</option>
            {countyOptions.map((o) => (
              <option value={o.value} selected={o.value === filter.county} safe>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="type">
            Typ
          </label>
          <select class="govuk-select" id="type" name="type">
            <option value="">Alla typer</option>
            {typeOptions.map((o) => (
              <option value={o.value} selected={o.value === filter.type} safe>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">
          Filtrera
        </button>
      </form>
      <Table
        caption={`${organisations.length} organisationer`}
        rows={organisations}
        columns={[
          { header: 'Namn', cell: (o) => <span safe>{o.name}</span> },
          { header: 'Typ', cell: (o) => <span safe>{organisationTypeLabel(o.type)}</span> },
          { header: 'Län', cell: (o) => <span safe>{o.countyName ?? 'Nationell'}</span> },
          { header: 'Kommunkod', cell: (o) => <span safe>{o.municipalityCode ?? ''}</span> },
          { header: 'Organisationsnummer', cell: (o) => <span safe>{o.orgNumber ?? ''}</span> },
        ]}
      />
    </Layout>
  );
}

export function UsersPage({
  ctx,
  users,
}: {
  ctx: PageContext;
  users: Array<{ name: string; email: string; createdAt: Date }>;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Användare" breadcrumbs={crumbs}>
      <Table
        caption={`${users.length} användare`}
        rows={users}
        columns={[
          { header: 'Namn', cell: (u) => <span safe>{u.name}</span> },
          { header: 'E-post', cell: (u) => <span safe>{u.email}</span> },
          { header: 'Skapad', cell: (u) => <span safe>{formatDateTime(u.createdAt)}</span> },
        ]}
      />
    </Layout>
  );
}

export function MailboxPage({ ctx, messages }: { ctx: PageContext; messages: MailboxEntry[] }): JSX.Element {
  return (
    <Layout ctx={ctx} title="Utgående e-post" breadcrumbs={crumbs}>
      <p class="govuk-body">
        Utan SMTP_URL skrivs e-post som .eml-filer i datamappen i stället för att skickas. Här visas de
        senaste 100.
      </p>
      <Table
        caption="Meddelanden"
        rows={messages}
        rowHeader={2}
        empty="Inga meddelanden har skickats."
        columns={[
          { header: 'Skickat', cell: (m) => <span>{m.date ? formatDateTime(m.date) : ''}</span> },
          { header: 'Till', cell: (m) => <span safe>{m.to}</span> },
          {
            header: 'Ämne',
            cell: (m) => (
              <a class="govuk-link" href={`/admin/e-post/${m.id}`} safe>
                {m.subject}
              </a>
            ),
          },
        ]}
      />
    </Layout>
  );
}

export function MailMessagePage({ ctx, message }: { ctx: PageContext; message: MailboxEntry }): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={message.subject || '(inget ämne)'}
      breadcrumbs={[...crumbs, { href: '/admin/e-post', label: 'Utgående e-post' }]}
    >
      <SummaryList
        rows={[
          { key: 'Till', value: message.to },
          { key: 'Skickat', value: message.date ? formatDateTime(message.date) : '' },
        ]}
      />
      <pre class="govuk-body sv-mail-text" safe>
        {message.text}
      </pre>
    </Layout>
  );
}

export function AuditPage({ ctx, rows }: { ctx: PageContext; rows: AuditRow[] }): JSX.Element {
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  return (
    <Layout ctx={ctx} title="Granskningslogg" breadcrumbs={crumbs}>
      <Table
        caption="De senaste 200 händelserna"
        rows={rows}
        rowHeader={false}
        columns={[
          { header: 'Tid', cell: (r) => <span safe>{formatDateTime(r.occurredAt)}</span> },
          { header: 'Vem', cell: (r) => <span safe>{r.actorEmail ?? 'system'}</span> },
          { header: 'Län', cell: (r) => <span safe>{r.countyCode ?? ''}</span> },
          { header: 'Händelse', cell: (r) => <code safe>{r.action}</code> },
          { header: 'Objekt', cell: (r) => <span safe>{`${r.entityType} ${r.entityId.slice(0, 8)}`}</span> },
          {
            header: 'Före → efter',
            cell: (r) => <span class="govuk-body-s" safe>{`${json(r.before)} → ${json(r.after)}`}</span>,
          },
        ]}
      />
    </Layout>
  );
}

export function NewOrganisationPage({
  ctx,
  form,
  typeOptions,
  countyOptions,
}: {
  ctx: PageContext;
  form: FormState;
  typeOptions: Option[];
  countyOptions: Option[];
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Lägg till en organisation"
      breadcrumbs={[...crumbs, { href: '/admin/organisationer', label: 'Organisationer' }]}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors} />
          <p class="govuk-body">
            Länsstyrelser, regioner och kommuner finns redan. Här läggs myndigheter, lärosäten, näringsliv och
            civilsamhälle till, till exempel nya medlemmar i ett råd.
          </p>
          <PostForm action="/admin/organisationer/ny" csrfToken={ctx.csrfToken}>
            <TextInput name="name" label="Namn" form={form} />
            <Select name="type" label="Typ" placeholder="Välj typ" options={typeOptions} form={form} />
            <TextInput
              name="orgNumber"
              label="Organisationsnummer (frivilligt)"
              hint="Tio siffror, till exempel 202100-2411"
              width="govuk-input--width-10"
              form={form}
            />
            <Select
              name="countyCode"
              label="Län"
              hint="Välj Nationell för en organisation som verkar i hela landet"
              options={countyOptions}
              form={form}
            />
            <Button>Lägg till</Button>
          </PostForm>
        </div>
      </div>
    </Layout>
  );
}
