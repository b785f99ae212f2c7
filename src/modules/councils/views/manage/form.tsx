import { Html } from '@kitajs/html';
import type { PageContext } from '../../../../ui/context.ts';
import {
  Button,
  Choices,
  ErrorSummary,
  PostForm,
  TextArea,
  TextInput,
  type FormState,
  type Option,
} from '../../../../ui/components.tsx';
import { Layout } from '../../../../ui/layout.tsx';
import { dayText } from '../../labels.ts';
import type { CouncilRow } from '../../repository.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { councilsTitle } from './list.tsx';
import type { CountyOf } from './parts.tsx';

/** The limits the service's schema holds (service.ts councilInputSchema), shown by the fields. */
const LIMITS = { name: 200, text: 10_000, subjectTag: 100 };

/** A council's own fields: name, address, purpose, vision, the secretariat's address and subject tag, formed on. */
function CouncilFields({ form, formedOnLabel }: { form: FormState; formedOnLabel: string }): JSX.Element {
  return (
    <>
      <TextInput name="name" label="Namn" maxLength={LIMITS.name} form={form} />
      <TextInput
        name="slug"
        label="Adress (valfri)"
        hint="Den sista delen av rådets publika adress: små bokstäver a–z, siffror och bindestreck. Lämna tomt så bildas den av namnet."
        width="govuk-input--width-20"
        spellcheck={false}
        form={form}
      />
      <TextArea
        name="purpose"
        label="Syfte"
        hint="Vad rådet är till för. Du kan använda Markdown."
        rows={6}
        maxLength={LIMITS.text}
        form={form}
      />
      <TextArea name="vision" label="Vision" rows={4} maxLength={LIMITS.text} form={form} />
      <TextInput
        name="secretariatEmail"
        label="Kansliets e-postadress (valfri)"
        hint="Dit går meddelanden från rådets kontaktformulär."
        type="email"
        autocomplete="off"
        spellcheck={false}
        form={form}
      />
      <TextInput
        name="subjectTag"
        label="Ämnesmärkning (valfri)"
        hint="Det som kansliet vill se i ämnesraden, till exempel ”kansli för social hållbarhet”."
        maxLength={LIMITS.subjectTag}
        form={form}
      />
      <TextInput
        name="formedOn"
        label={formedOnLabel}
        hint="Som ÅÅÅÅ-MM-DD, till exempel 2026-09-01"
        width="govuk-input--width-10"
        form={form}
      />
    </>
  );
}

/** Forming a council in the county; the county board convenes it and is its first member. */
export function NewCouncilPage({
  ctx,
  county,
  form,
  boardName,
}: {
  ctx: PageContext;
  county: CountyOf;
  form: FormState;
  boardName: string;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Bilda ett råd"
      caption={county.name}
      breadcrumbs={[{ href: urls.councils(county.slug), label: councilsTitle(county) }]}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body" safe>
        {`${boardName} är sammankallande och rådets första medlem. Rådet får ett eget organ, rådet självt; övriga grupper och medlemmar lägger du till sedan.`}
      </p>
      <PostForm action={urls.newCouncil(county.slug)} csrfToken={ctx.csrfToken}>
        <CouncilFields form={form} formedOnLabel="Bildades" />
        <Button>Bilda rådet</Button>
      </PostForm>
    </Layout>
  );
}

/** Merging two or more of the county's active councils into a new one (seed 003). */
export function MergeCouncilsPage({
  ctx,
  county,
  form,
  councils,
}: {
  ctx: PageContext;
  county: CountyOf;
  form: FormState;
  /** the county's active councils */
  councils: CouncilRow[];
}): JSX.Element {
  const options: Option[] = councils.map((c) => ({
    value: c.id,
    label: `${c.name} (bildades ${dayText(c.formedOn)})`,
  }));
  return (
    <Layout
      ctx={ctx}
      title="Slå samman råd"
      caption={county.name}
      breadcrumbs={[{ href: urls.councils(county.slug), label: councilsTitle(county) }]}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        Det nya rådet får alla medlemmar som de sammanslagna råden har. De sammanslagna råden upphör samma dag
        och finns kvar i historiken med en hänvisning till det nya rådet.
      </p>
      <PostForm action={urls.mergeCouncils(county.slug)} csrfToken={ctx.csrfToken}>
        <Choices
          name="councilIds"
          label="Råd att slå samman"
          hint="Välj minst två."
          options={options}
          multiple
          form={form}
        />
        <h2 class="govuk-heading-m">Det nya rådet</h2>
        <CouncilFields form={form} formedOnLabel="Datum för sammanslagningen" />
        <Button>Slå samman råden</Button>
      </PostForm>
    </Layout>
  );
}

/** Changing a council's texts and address. */
export function EditCouncilPage({
  ctx,
  county,
  council,
  form,
}: {
  ctx: PageContext;
  county: CountyOf;
  council: CouncilRow;
  form: FormState;
}): JSX.Element {
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="overview" title="Ändra rådet">
      <ErrorSummary errors={form.errors} />
      <PostForm action={urls.edit(county.slug, council.slug)} csrfToken={ctx.csrfToken}>
        <CouncilFields form={form} formedOnLabel="Bildades" />
        <Button>Spara ändringarna</Button>
      </PostForm>
    </CouncilRoom>
  );
}

/** Dissolving a council, asked first: the date, and what it means. */
export function DissolveCouncilPage({
  ctx,
  county,
  council,
  form,
}: {
  ctx: PageContext;
  county: CountyOf;
  council: CouncilRow;
  form: FormState;
}): JSX.Element {
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="overview" title="Upplös rådet">
      <ErrorSummary errors={form.errors} />
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Varning</span>
          {Html.escapeHtml(
            `Ett upplöst råd kan inte ändras och inte öppnas igen. ${council.name} finns kvar i historiken med medlemmar, grupper och beslut som de var.`,
          )}
        </strong>
      </div>
      <PostForm action={urls.dissolve(county.slug, council.slug)} csrfToken={ctx.csrfToken}>
        <TextInput
          name="date"
          label="Rådet upplöses"
          hint="Som ÅÅÅÅ-MM-DD, till exempel 2026-12-31"
          width="govuk-input--width-10"
          form={form}
        />
        <div class="govuk-button-group">
          <Button variant="warning">Upplös rådet</Button>
          <a class="govuk-link" href={urls.overview(county.slug, council.slug)}>
            Avbryt
          </a>
        </div>
      </PostForm>
    </CouncilRoom>
  );
}
