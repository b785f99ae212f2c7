import type { PageContext } from '../../../ui/context.ts';
import { Button, ErrorSummary, PostForm, TextInput, type FormState } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';

/**
 * An invitation to an address that already has an account: it says so, and the invitee accepts by signing
 * in with the account's own password. No new password is chosen, and nobody gets into the account with the
 * link alone.
 */
export function ExistingAccountInvitationPage({
  ctx,
  form,
  action,
  email,
  offer,
}: {
  ctx: PageContext;
  form: FormState;
  action: string;
  email: string;
  /** the role and organisation offered: "samordnare för Knivsta kommun" */
  offer: string;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Du har redan ett konto">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors} />
          <p class="govuk-body" safe>
            {`Du har bjudits in som ${offer}. Det finns redan ett konto i Samverkan för ${email}.`}
          </p>
          <p class="govuk-body">
            Logga in med kontots lösenord för att ta emot inbjudan. Rollen läggs till på ditt befintliga
            konto; inget nytt konto skapas.
          </p>
          <PostForm action={action} csrfToken={ctx.csrfToken}>
            <TextInput
              name="password"
              label="Lösenord till ditt konto"
              type="password"
              autocomplete="current-password"
              form={form}
            />
            <Button>Logga in och ta emot inbjudan</Button>
          </PostForm>
          <p class="govuk-body">
            <a class="govuk-link" href="/glomt-losenord">
              Glömt lösenordet?
            </a>{' '}
            Välj ett nytt och öppna sedan länken i inbjudan igen.
          </p>
        </div>
      </div>
    </Layout>
  );
}
