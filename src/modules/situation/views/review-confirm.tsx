import { countOf, formatDate } from '../../../platform/i18n.ts';
import { Button, ErrorSummary, PostForm, TextArea, type FormState } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { responseStatusLabels } from '../labels.ts';
import { TEXT_LIMITS } from '../schemas.ts';

/**
 * The step before a response is returned: whose answer goes back, with which comment, who is told and until
 * when they can answer. The comment can still be changed here; nothing has happened yet.
 */
export function ReturnConfirmPage({
  ctx,
  organisationName,
  action,
  back,
  version,
  comment,
  recipients,
  locksAt,
  breadcrumbs,
  form,
}: {
  ctx: PageContext;
  organisationName: string;
  /** where the confirmed return is posted */
  action: string;
  /** the response's page */
  back: string;
  /** the version the reviewer read */
  version: number;
  comment: string;
  /** how many reporters are e-mailed */
  recipients: number;
  locksAt: Date;
  breadcrumbs: Array<{ href: string; label: string }>;
  form: FormState;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={`Återlämna svaret från ${organisationName}?`}
      caption="Granskning"
      breadcrumbs={breadcrumbs}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body" safe>
        {`Svaret får status ”${responseStatusLabels.returned}”. ${
          recipients > 0
            ? `${countOf(recipients, 'person', 'personer')} hos ${organisationName} får e-post med kommentaren`
            : `Ingen hos ${organisationName} har ett konto som kan få e-post; kontakta dem på annat sätt`
        }. De kan komplettera svaret fram till ${formatDate(locksAt)}.`}
      </p>
      <PostForm action={action} csrfToken={ctx.csrfToken}>
        <input type="hidden" name="version" value={String(version)} />
        <input type="hidden" name="bekraftat" value="ja" />
        <TextArea
          name="comment"
          label="Vad behöver kompletteras?"
          form={{ ...form, values: { ...form.values, comment: form.values.comment ?? comment } }}
          rows={4}
          maxLength={TEXT_LIMITS.returnComment}
        />
        <div class="govuk-button-group">
          <Button>Ja, återlämna svaret</Button>
          <a class="govuk-link" href={back}>
            Nej, tillbaka till svaret
          </a>
        </div>
      </PostForm>
    </Layout>
  );
}
