import { formatDate } from '../../../platform/i18n.ts';
import type { PageContext } from '../../../ui/context.ts';
import { ErrorSummary, PostForm, Table, type FormState } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { conditionHint, QuestionField } from '../../forms/index.ts';
import type { Assignment } from '../answering.ts';
import type { AnsweringAbilities } from '../policy.ts';
import { urls } from '../urls.ts';
import type { ResponseStatus } from '../tables.ts';
import { StatusTag } from './parts.tsx';

export interface AssignmentItem {
  occasionId: string;
  occasionLabel: string;
  roundTitle: string;
  organisationId: string;
  organisationName: string;
  deadlineAt: Date;
  opensAt: Date;
  status: ResponseStatus | null;
  open: boolean;
}

export function AssignmentsPage({ ctx, items }: { ctx: PageContext; items: AssignmentItem[] }): JSX.Element {
  return (
    <Layout ctx={ctx} title="Mina uppdrag">
      <Table
        caption="Rapportering av lägesbild"
        rows={items}
        empty="Ni har inga rapporteringsuppdrag just nu."
        columns={[
          {
            header: 'Omgång och tillfälle',
            cell: (i) => (
              <a class="govuk-link" href={urls.assignment(i.occasionId, i.organisationId)} safe>
                {`${i.roundTitle}: ${i.occasionLabel}`}
              </a>
            ),
          },
          { header: 'Organisation', cell: (i) => <span safe>{i.organisationName}</span> },
          {
            header: 'Sista svarsdag',
            cell: (i) => <span safe>{`${formatDate(i.deadlineAt)}${i.open ? '' : ' (stängd)'}`}</span>,
          },
          { header: 'Status', cell: (i) => <StatusTag status={i.status ?? 'none'} /> },
        ]}
      />
    </Layout>
  );
}

export function AnswerPage({
  ctx,
  a,
  form,
  version,
  abilities,
  conflict,
}: {
  ctx: PageContext;
  a: Assignment;
  form: FormState;
  version: number;
  /** whether the form may be saved, or why it is read-only */
  abilities: AnsweringAbilities;
  conflict: string | undefined;
}): JSX.Element {
  const action = urls.assignment(a.occasion.id, a.respondent.organisationId);
  const { canSave: editable, closedReason } = abilities;
  const status = a.response?.status ?? 'none';
  return (
    <Layout
      ctx={ctx}
      title={`${a.round.title}: ${a.occasion.label}`}
      caption={a.organisationName}
      breadcrumbs={[{ href: urls.assignments(), label: 'Mina uppdrag' }]}
    >
      <ErrorSummary errors={form.errors} />
      {conflict ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text" role="alert" safe>
            {conflict}
          </strong>
        </div>
      ) : (
        ''
      )}
      <p class="govuk-body">
        <StatusTag status={status} />{' '}
        <span safe>{`Sista svarsdag ${formatDate(a.occasion.deadlineAt)} kl. 23.59.`}</span>
      </p>
      {a.response?.status === 'returned' && a.response.returnComment ? (
        <div class="govuk-inset-text">
          <span class="govuk-!-font-weight-bold">Länsstyrelsen ber er komplettera: </span>
          <span safe>{a.response.returnComment}</span>
        </div>
      ) : (
        ''
      )}
      {closedReason ? (
        <p class="govuk-body govuk-!-font-weight-bold" safe>
          {closedReason}
        </p>
      ) : (
        ''
      )}
      <p class="govuk-body" safe>
        {a.round.topic}
      </p>
      <PostForm action={action} csrfToken={ctx.csrfToken} className="sv-answer-form">
        <input type="hidden" name="version" value={String(version)} />
        {a.definition.sections.map((s) => (
          <section aria-labelledby={`s-${s.id}`} class="govuk-!-margin-bottom-8">
            <h2 class="govuk-heading-m" id={`s-${s.id}`} safe>
              {s.title}
            </h2>
            {s.questions.map((q) => (
              <QuestionField
                q={q}
                form={form}
                readonly={!editable}
                condition={conditionHint(q, a.definition)}
              />
            ))}
          </section>
        ))}
        {editable ? (
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button govuk-button--secondary" name="intent" value="save">
              Spara utkast
            </button>
            <button type="submit" class="govuk-button" name="intent" value="submit">
              Skicka in svaret
            </button>
          </div>
        ) : (
          ''
        )}
        <p class="govuk-body-s sv-autosave" aria-live="polite"></p>
      </PostForm>
    </Layout>
  );
}
