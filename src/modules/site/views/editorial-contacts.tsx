import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  Choices,
  ErrorSummary,
  PostForm,
  Select,
  TextInput,
  type FormState,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ContactRow } from '../repository.ts';
import { urls } from '../urls.ts';
import type { CountyRef } from './editorial-pages.tsx';

const crumbs = (county: CountyRef) => [
  { href: urls.countyHome(county.slug), label: county.name },
  { href: urls.editorial(county.slug), label: 'Redaktion' },
];

const crumbsToList = (county: CountyRef) => [
  ...crumbs(county),
  { href: urls.contacts(county.slug), label: 'Kontakter' },
];

export function ContactsPage({
  ctx,
  county,
  contacts,
}: {
  ctx: PageContext;
  county: CountyRef;
  contacts: ContactRow[];
}): JSX.Element {
  const c = county.slug;
  const byId = new Map(contacts.map((x) => [x.id, x]));
  return (
    <Layout ctx={ctx} title="Kontakter" caption={county.name} breadcrumbs={crumbs(county)}>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.newContact(c)}>
          Ny kontakt
        </a>
      </p>
      {contacts.length === 0 ? (
        <p class="govuk-body">Länet har inga kontakter än.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Länets kontakter</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Namn
              </th>
              <th scope="col" class="govuk-table__header">
                Roll
              </th>
              <th scope="col" class="govuk-table__header">
                E-post och telefon
              </th>
              <th scope="col" class="govuk-table__header">
                Läge
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {contacts.map((x) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  <a class="govuk-link" href={urls.editContact(c, x.id)} safe>
                    {x.name}
                  </a>
                </th>
                <td class="govuk-table__cell" safe>
                  {x.role}
                </td>
                <td class="govuk-table__cell" safe>
                  {[x.email, x.phone].filter(Boolean).join(', ')}
                </td>
                <td class="govuk-table__cell">
                  {x.leftAt ? (
                    <span
                      safe
                    >{`Har slutat, ersatt av ${byId.get(x.replacedById ?? '')?.name ?? 'någon annan'}`}</span>
                  ) : (
                    <a class="govuk-link" href={urls.replaceContact(c, x.id)}>
                      Ersätt<span class="govuk-visually-hidden" safe>{` ${x.name}`}</span>
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function ContactFormPage({
  ctx,
  county,
  action,
  title,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  action: string;
  title: string;
  form: FormState;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={title} caption={county.name} breadcrumbs={crumbsToList(county)}>
      <ErrorSummary errors={form.errors} />
      <PostForm action={action} csrfToken={ctx.csrfToken}>
        <Choices
          name="kind"
          label="Kontakten är"
          form={form}
          options={[
            { value: 'person', label: 'En person' },
            { value: 'function', label: 'En funktion (en enhet, en brevlåda)' },
          ]}
        />
        <TextInput name="name" label="Namn" form={form} maxLength={200} />
        <TextInput
          name="role"
          label="Roll (valfritt)"
          hint="Till exempel Samordnare ANDTS"
          form={form}
          maxLength={200}
        />
        <TextInput name="email" label="E-postadress (valfritt)" type="email" form={form} spellcheck={false} />
        <TextInput
          name="phone"
          label="Telefon (valfritt)"
          type="tel"
          form={form}
          width="govuk-input--width-20"
        />
        <Button>Spara</Button>
      </PostForm>
    </Layout>
  );
}

export function ReplaceContactPage({
  ctx,
  county,
  contact,
  choices,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  contact: ContactRow;
  choices: ContactRow[];
  form: FormState;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={`Ersätt ${contact.name}`}
      caption={county.name}
      breadcrumbs={crumbsToList(county)}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        Alla sidor som nämner kontakten visar i stället den du väljer, från och med nu.
      </p>
      <PostForm action={urls.replaceContact(county.slug, contact.id)} csrfToken={ctx.csrfToken}>
        <Select
          name="replacementId"
          label="Ersätts av"
          form={form}
          placeholder="Välj en kontakt"
          options={choices.map((x) => ({ value: x.id, label: x.role ? `${x.name}, ${x.role}` : x.name }))}
        />
        <Button variant="warning">Ersätt kontakten</Button>
      </PostForm>
    </Layout>
  );
}
