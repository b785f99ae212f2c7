import type { PageContext } from '../../../ui/context.ts';
import { Button, ErrorSummary, PostForm, TextInput, type FormState } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { PERSON_NAME_MAX } from '../schemas.ts';

export function LoginPage({
  ctx,
  form,
  kept = false,
}: {
  ctx: PageContext;
  form: FormState;
  /** a form posted after the session ended is kept, to be saved after signing in */
  kept?: boolean;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Logga in">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors} />
          {kept ? (
            <div class="govuk-inset-text">
              <p class="govuk-body">
                <strong>Det du skrev är inte förlorat.</strong> Du loggades ut innan det hann sparas, så vi
                håller det åt dig i två timmar.
              </p>
              <p class="govuk-body">
                Logga in igen, så sparas det som utkast och du kommer tillbaka till formuläret.
              </p>
            </div>
          ) : form.values.next && form.values.next !== '/' ? (
            <p class="govuk-inset-text">
              Logga in för att fortsätta. Efter inloggningen kommer du tillbaka till sidan du var på.
            </p>
          ) : (
            ''
          )}
          <PostForm action="/logga-in" csrfToken={ctx.csrfToken}>
            <input type="hidden" name="next" value={form.values.next ?? ''} />
            <TextInput
              name="email"
              label="E-postadress"
              type="email"
              autocomplete="email"
              spellcheck={false}
              form={form}
            />
            <TextInput
              name="password"
              label="Lösenord"
              type="password"
              autocomplete="current-password"
              form={form}
            />
            <Button>Logga in</Button>
          </PostForm>
          <p class="govuk-body">
            <a class="govuk-link" href="/glomt-losenord">
              Glömt lösenordet?
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, form }: { ctx: PageContext; form: FormState }): JSX.Element {
  return (
    <Layout ctx={ctx} title="Återställ lösenord">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors} />
          <p class="govuk-body">
            Ange e-postadressen till ditt konto. Om adressen finns hos oss skickar vi en länk som gäller i en
            timme.
          </p>
          <PostForm action="/glomt-losenord" csrfToken={ctx.csrfToken}>
            <TextInput
              name="email"
              label="E-postadress"
              type="email"
              autocomplete="email"
              spellcheck={false}
              form={form}
            />
            <Button>Skicka länk</Button>
          </PostForm>
        </div>
      </div>
    </Layout>
  );
}

export function ResetSentPage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <Layout ctx={ctx} title="Kontrollera din e-post">
      <p class="govuk-body">
        Om adressen hör till ett konto har vi skickat en länk för att välja ett nytt lösenord. Länken gäller i
        en timme och kan användas en gång.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/logga-in">
          Tillbaka till inloggningen
        </a>
      </p>
    </Layout>
  );
}

/** A sign-in link's landing page: a button, so that a mail scanner following the link spends nothing. */
export function LoginLinkPage({ ctx, token }: { ctx: PageContext; token: string }): JSX.Element {
  return (
    <Layout ctx={ctx} title="Logga in med länken">
      <p class="govuk-body">
        Länken loggar in dig en gång, utan lösenord. Spärren för inloggning med lösenord hävs samtidigt.
      </p>
      <PostForm action={`/inloggningslank/${token}`} csrfToken={ctx.csrfToken}>
        <Button>Logga in</Button>
      </PostForm>
    </Layout>
  );
}

export function NewPasswordPage({
  ctx,
  form,
  action,
  title,
  withName,
  intro,
}: {
  ctx: PageContext;
  form: FormState;
  action: string;
  title: string;
  withName?: boolean;
  intro?: string;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors} />
          {intro ? (
            <p class="govuk-body" safe>
              {intro}
            </p>
          ) : (
            ''
          )}
          <PostForm action={action} csrfToken={ctx.csrfToken}>
            {withName ? (
              <TextInput
                name="name"
                label="Ditt namn"
                autocomplete="name"
                maxLength={PERSON_NAME_MAX}
                form={form}
              />
            ) : (
              ''
            )}
            <TextInput
              name="password"
              label="Nytt lösenord"
              type="password"
              hint="Minst 12 tecken. En mening av flera ord är lätt att minnas och svår att gissa."
              autocomplete="new-password"
              form={form}
            />
            <TextInput
              name="confirm"
              label="Upprepa lösenordet"
              type="password"
              autocomplete="new-password"
              form={form}
            />
            <Button>Spara lösenord</Button>
          </PostForm>
        </div>
      </div>
    </Layout>
  );
}
