import { countOf, formatDateTime } from '../../../platform/i18n.ts';
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
import { ORGANISATION_NAME_MAX, type OrganisationView } from '../../reference/index.ts';
import { organisationTypeLabel } from '../../workspace/index.ts';
import { entityTypeLabel, oneThingFilterText, truncate, type ValueChange } from '../audit-text.ts';
import type { QueueStats } from '../repository.ts';

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
        caption={countOf(organisations.length, 'organisation', 'organisationer')}
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
        caption={countOf(users.length, 'användare', 'användare')}
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

/** One row of the audit log as the page shows it. */
export interface AuditEntry {
  id: number;
  occurredAt: Date;
  /** "Anna Andersson godkände Uppsala kommuns svar" */
  sentence: string;
  actorEmail: string | null;
  county: string | null;
  entityType: string;
  entityId: string;
  /** where the thing sits: a round and occasion */
  context: string | null;
  /** the event's own name, for whoever reads the code */
  action: string;
  changes: ValueChange[];
}

export interface AuditFilterValues {
  vem?: string | undefined;
  lan?: string | undefined;
  objekt?: string | undefined;
  id?: string | undefined;
  fran?: string | undefined;
  till?: string | undefined;
}

/** A value as the log shows it: short ones whole, long ones cut with the whole behind "Visa allt". */
function LongValue({ text }: { text: string }): JSX.Element {
  if (!text) return <span class="govuk-hint">(tomt)</span>;
  const { short, cut } = truncate(text);
  if (!cut) return <span safe>{text}</span>;
  return (
    <details class="govuk-details govuk-!-margin-bottom-0">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text" safe>
          {short}
        </span>
      </summary>
      <div class="govuk-details__text">
        <p class="sv-audit-value" safe>
          {text}
        </p>
      </div>
    </details>
  );
}

function Changes({ changes }: { changes: ValueChange[] }): JSX.Element {
  if (changes.length === 0) return <></>;
  return (
    <dl class="sv-audit-changes govuk-body-s govuk-!-margin-bottom-0">
      {changes.map((c) => (
        <>
          <dt class="govuk-!-font-weight-bold" safe>
            {c.place}
          </dt>
          <dd class="govuk-!-margin-left-0 govuk-!-margin-bottom-2">
            {c.before ? (
              <>
                <LongValue text={c.before} /> <span aria-hidden="true">→</span>
                <span class="govuk-visually-hidden"> ändrades till </span>{' '}
              </>
            ) : (
              ''
            )}
            <LongValue text={c.after} />
          </dd>
        </>
      ))}
    </dl>
  );
}

const auditHref = (filter: AuditFilterValues, page?: number): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter) as Array<[string, unknown]>)
    if (typeof v === 'string' && v && k !== 'sida') params.set(k, v);
  if (page && page > 1) params.set('sida', String(page));
  const q = params.toString();
  return `/admin/granskningslogg${q ? `?${q}` : ''}`;
};

function FilterSelect({
  name,
  label,
  all,
  options,
  value,
}: {
  name: string;
  label: string;
  all: string;
  options: Option[];
  value: string | undefined;
}): JSX.Element {
  return (
    <div class="govuk-form-group">
      <label class="govuk-label" for={`filter-${name}`} safe>
        {label}
      </label>
      <select class="govuk-select" id={`filter-${name}`} name={name}>
        <option value="" safe>
          {all}
        </option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateFilter({
  name,
  label,
  value,
}: {
  name: string;
  label: string;
  value: string | undefined;
}): JSX.Element {
  return (
    <div class="govuk-form-group">
      <label class="govuk-label" for={`filter-${name}`} safe>
        {label}
      </label>
      <input
        class="govuk-input govuk-input--width-10"
        type="date"
        id={`filter-${name}`}
        name={name}
        value={value ?? ''}
      />
    </div>
  );
}

export function AuditPage({
  ctx,
  rows,
  filter,
  choices,
  page,
  hasNext,
}: {
  ctx: PageContext;
  rows: AuditEntry[];
  filter: AuditFilterValues;
  choices: { actors: Option[]; counties: Option[]; entityTypes: Option[] };
  page: number;
  hasNext: boolean;
}): JSX.Element {
  const filtered = Boolean(
    filter.vem || filter.lan || filter.objekt || filter.id || filter.fran || filter.till,
  );
  const first = (page - 1) * 50 + 1;
  return (
    <Layout ctx={ctx} title="Granskningslogg" breadcrumbs={crumbs}>
      <div class="sv-audit">
        <form method="get" action="/admin/granskningslogg" class="govuk-!-margin-bottom-6">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Filtrera händelserna</legend>
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-one-half">
                <FilterSelect
                  name="vem"
                  label="Person"
                  all="Alla personer"
                  options={choices.actors}
                  value={filter.vem}
                />
                <FilterSelect
                  name="lan"
                  label="Län"
                  all="Alla län"
                  options={choices.counties}
                  value={filter.lan}
                />
                <FilterSelect
                  name="objekt"
                  label="Vad händelsen gäller"
                  all="Allt"
                  options={choices.entityTypes}
                  value={filter.objekt}
                />
              </div>
              <div class="govuk-grid-column-one-half">
                <DateFilter name="fran" label="Från och med dag" value={filter.fran} />
                <DateFilter name="till" label="Till och med dag" value={filter.till} />
              </div>
            </div>
            {filter.id ? <input type="hidden" name="id" value={filter.id} /> : ''}
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button govuk-button--secondary">
                Visa händelserna
              </button>
              {filtered ? (
                <a class="govuk-link" href="/admin/granskningslogg">
                  Visa alla händelser
                </a>
              ) : (
                ''
              )}
            </div>
          </fieldset>
        </form>
        {filter.id ? (
          <p class="govuk-body" safe>
            {oneThingFilterText(filter.objekt)}
          </p>
        ) : (
          ''
        )}
        <Table
          caption={
            rows.length === 0
              ? 'Inga händelser'
              : `Händelse ${first}–${first + rows.length - 1}${filtered ? ' som stämmer med filtret' : ''}, de senaste först`
          }
          rows={rows}
          rowHeader={false}
          empty={filtered ? 'Inga händelser stämmer med filtret.' : 'Inga händelser ännu.'}
          columns={[
            { header: 'Tid', cell: (r) => <span safe>{formatDateTime(r.occurredAt)}</span> },
            {
              header: 'Händelse',
              cell: (r) => (
                <>
                  <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
                    {r.sentence}
                  </p>
                  {r.context ? (
                    <p class="govuk-body-s govuk-!-margin-bottom-1 govuk-hint" safe>
                      {r.context}
                    </p>
                  ) : (
                    ''
                  )}
                  <Changes changes={r.changes} />
                  <a
                    class="govuk-link govuk-body-s"
                    href={auditHref({ objekt: r.entityType, id: r.entityId })}
                  >
                    Hela historiken<span class="govuk-visually-hidden" safe>{` för: ${r.sentence}`}</span>
                  </a>
                </>
              ),
            },
            { header: 'Län', cell: (r) => <span safe>{r.county ?? 'Nationellt'}</span> },
            { header: 'Gäller', cell: (r) => <span safe>{entityTypeLabel(r.entityType)}</span> },
          ]}
        />
        {page > 1 || hasNext ? (
          <nav class="govuk-pagination" aria-label="Sidor i granskningsloggen">
            {page > 1 ? (
              <div class="govuk-pagination__prev">
                <a class="govuk-link govuk-pagination__link" href={auditHref(filter, page - 1)} rel="prev">
                  <span class="govuk-pagination__link-title">Nyare händelser</span>
                </a>
              </div>
            ) : (
              ''
            )}
            {hasNext ? (
              <div class="govuk-pagination__next">
                <a class="govuk-link govuk-pagination__link" href={auditHref(filter, page + 1)} rel="next">
                  <span class="govuk-pagination__link-title">Äldre händelser</span>
                </a>
              </div>
            ) : (
              ''
            )}
          </nav>
        ) : (
          ''
        )}
      </div>
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
            <TextInput name="name" label="Namn" maxLength={ORGANISATION_NAME_MAX} form={form} />
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
