import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  Choices,
  ErrorSummary,
  PostForm,
  TextInput,
  type FormState,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { urls } from '../urls.ts';
import type { CountyRef } from './editorial-pages.tsx';

export function SettingsPage({
  ctx,
  county,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  form: FormState;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Inställningar för länets sidor"
      caption={county.name}
      breadcrumbs={[
        { href: urls.countyHome(county.slug), label: county.name },
        { href: urls.editorial(county.slug), label: 'Redaktion' },
      ]}
    >
      <ErrorSummary errors={form.errors} />
      <PostForm action={urls.settings(county.slug)} csrfToken={ctx.csrfToken}>
        <Choices
          name="requiresReview"
          label="Ska en annan redaktör granska och publicera sidorna?"
          hint="Med granskning skickar den som skrivit utkastet det för granskning, och en annan redaktör publicerar."
          form={form}
          options={[
            { value: 'yes', label: 'Ja' },
            { value: 'no', label: 'Nej' },
          ]}
        />
        <TextInput
          name="supportEmail"
          label="E-postadress för support (valfritt)"
          type="email"
          form={form}
          spellcheck={false}
        />
        <TextInput
          name="supportPhone"
          label="Telefon för support (valfritt)"
          type="tel"
          form={form}
          width="govuk-input--width-20"
        />
        <Button>Spara inställningarna</Button>
      </PostForm>
    </Layout>
  );
}
