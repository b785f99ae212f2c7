import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  Checkbox,
  Choices,
  ErrorSummary,
  FileUpload,
  LinkButton,
  PostForm,
  Select,
  Tag,
  TextArea,
  TextInput,
  type FormState,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { formatDateTime } from '../../../platform/i18n.ts';
import type { DiffLine } from '../diff.ts';
import type { RevisionState } from '../lifecycle.ts';
import type { PageAbilities } from '../policy.ts';
import type { ContactRow, PageRow, RevisionRow } from '../repository.ts';
import type { SitePage } from '../site-tree.ts';
import { THEMES } from '../themes.ts';
import { urls } from '../urls.ts';
import { PageContent, type PageContentView } from './page-content.tsx';

export interface CountyRef {
  slug: string;
  name: string;
}

/** The page's state in one word (with the time of a scheduled publication), for the tree and the page. */
export function pageStateText(page: PageRow, draftState: RevisionState | null, now = new Date()): string {
  if (draftState === 'in_review') return 'Granskas';
  if (page.scheduledRevisionId && page.scheduledAt && page.scheduledAt.getTime() > now.getTime())
    return `Planerad ${formatDateTime(page.scheduledAt)}`;
  if (draftState === 'draft') return page.publishedRevisionId ? 'Publicerad, med utkast' : 'Utkast';
  return page.publishedRevisionId || page.scheduledRevisionId ? 'Publicerad' : 'Ej publicerad';
}

export const revisionStateLabels: Record<RevisionState, string> = {
  draft: 'Utkast',
  in_review: 'Granskas',
  scheduled: 'Planerad',
  published: 'Publicerad',
  retired: 'Tidigare version',
};

const editorialCrumbs = (county: CountyRef) => [
  { href: urls.countyHome(county.slug), label: county.name },
  { href: urls.editorial(county.slug), label: 'Redaktion' },
];

const pageCrumbs = (county: CountyRef, page: { id: string; title: string }) => [
  ...editorialCrumbs(county),
  { href: urls.editPage(county.slug, page.id), label: page.title },
];

// ---- The dashboard: the tree ------------------------------------------------------------------------------

export interface TreeRow {
  page: SitePage;
  depth: number;
  state: string;
  /** the draft's title where the page has a draft, else the public title */
  title: string;
}

export function EditorialPage({
  ctx,
  county,
  rows,
  mayBanner,
  maySettings,
}: {
  ctx: PageContext;
  county: CountyRef;
  rows: TreeRow[];
  mayBanner: boolean;
  maySettings: boolean;
}): JSX.Element {
  const c = county.slug;
  return (
    <Layout
      ctx={ctx}
      title="Redaktion"
      caption={county.name}
      breadcrumbs={[{ href: urls.countyHome(c), label: county.name }]}
    >
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={urls.newPage(c)}>
            Ny sida
          </a>
        </li>
        <li>
          <a class="govuk-link" href={urls.news(c)}>
            Nyheter
          </a>
        </li>
        <li>
          <a class="govuk-link" href={urls.contacts(c)}>
            Kontakter
          </a>
        </li>
        {mayBanner ? (
          <li>
            <a class="govuk-link" href={urls.banners(c)}>
              Varningar
            </a>
          </li>
        ) : (
          ''
        )}
        {maySettings ? (
          <li>
            <a class="govuk-link" href={urls.settings(c)}>
              Inställningar
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Sidor</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Sida
            </th>
            <th scope="col" class="govuk-table__header">
              Adress
            </th>
            <th scope="col" class="govuk-table__header">
              Läge
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {rows.map((r) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                <span class={`sv-depth-${Math.min(r.depth, 6)}`}>
                  {r.depth > 0 ? <span aria-hidden="true">└ </span> : ''}
                  <a class="govuk-link" href={urls.editPage(c, r.page.id)} safe>
                    {r.title}
                  </a>
                </span>
              </th>
              <td class="govuk-table__cell" safe>
                {urls.page(c, r.page.path)}
              </td>
              <td class="govuk-table__cell">
                <Tag text={r.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

// ---- A new page --------------------------------------------------------------------------------------------

export type ParentOption = { value: string; label: string };

export function NewPagePage({
  ctx,
  county,
  parents,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  parents: ParentOption[];
  form: FormState;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Ny sida" caption={county.name} breadcrumbs={editorialCrumbs(county)}>
      <ErrorSummary errors={form.errors} />
      <PostForm action={urls.newPage(county.slug)} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label="Rubrik" form={form} maxLength={200} />
        <TextInput
          name="slug"
          label="Adress (valfri)"
          hint="Sidans sista del av adressen. Lämna tom så görs den av rubriken."
          form={form}
          width="govuk-input--width-20"
        />
        <Select
          name="parentId"
          label="Ligger under"
          form={form}
          options={parents}
          placeholder="Översta nivån"
        />
        <Button>Skapa sidan</Button>
      </PostForm>
    </Layout>
  );
}

// ---- Editing a page --------------------------------------------------------------------------------------

export interface EditPageView {
  county: CountyRef;
  page: PageRow;
  path: string;
  draft: RevisionRow | undefined;
  state: string;
  abilities: PageAbilities;
  /** why publishing is refused, if it is (review by a second editor) */
  publishRefusal: string | undefined;
  contacts: ContactRow[];
  pages: ParentOption[];
  imageName: string | undefined;
}

export function EditPagePage({
  ctx,
  view,
  form,
}: {
  ctx: PageContext;
  view: EditPageView;
  form: FormState;
}): JSX.Element {
  const c = view.county.slug;
  const id = view.page.id;
  const title = view.draft?.title || form.values.title || view.path || 'Startsidan';
  return (
    <Layout
      ctx={ctx}
      title={`Redigera: ${title}`}
      caption={view.county.name}
      breadcrumbs={editorialCrumbs(view.county)}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        <Tag text={view.state} />{' '}
        <a class="govuk-link" href={urls.page(c, view.path)} safe>
          {urls.page(c, view.path)}
        </a>
      </p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={urls.previewPage(c, id)}>
            Förhandsvisa
          </a>
        </li>
        <li>
          <a class="govuk-link" href={urls.pageImage(c, id)}>
            Bild{view.imageName ? ` (${view.imageName})` : ''}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={urls.pageFiles(c, id)}>
            Filer
          </a>
        </li>
        <li>
          <a class="govuk-link" href={urls.history(c, id)}>
            Historik
          </a>
        </li>
        {view.abilities.move ? (
          <li>
            <a class="govuk-link" href={urls.movePage(c, id)}>
              Flytta eller byt adress
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
      <div class="govuk-button-group">
        {view.abilities.requestReview ? (
          <PostForm action={urls.requestReview(c, id)} csrfToken={ctx.csrfToken}>
            <Button variant="secondary">Skicka för granskning</Button>
          </PostForm>
        ) : (
          ''
        )}
        {view.abilities.publish ? <LinkButton href={urls.publishPage(c, id)} text="Publicera" /> : ''}
        {view.abilities.cancelSchedule ? (
          <PostForm action={urls.cancelSchedule(c, id)} csrfToken={ctx.csrfToken}>
            <Button variant="secondary">Avbryt planerad publicering</Button>
          </PostForm>
        ) : (
          ''
        )}
        {view.abilities.unpublish ? (
          <PostForm action={urls.unpublishPage(c, id)} csrfToken={ctx.csrfToken}>
            <Button variant="warning">Avpublicera</Button>
          </PostForm>
        ) : (
          ''
        )}
      </div>
      {view.publishRefusal && view.draft ? (
        <p class="govuk-inset-text" safe>
          {view.publishRefusal}
        </p>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Utkast</h2>
      <PostForm action={urls.editPage(c, id)} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label="Rubrik" form={form} maxLength={200} />
        <TextArea name="summary" label="Ingress" form={form} rows={3} maxLength={1000} />
        <TextArea
          name="body"
          label="Text"
          hint="Markdown: # Rubrik, - punktlista, 1. numrerad lista, [länktext](https://…), tabeller med | och ---, bilder med ![vad bilden visar](adress) efter uppladdning under Filer."
          form={form}
          rows={20}
        />
        <Choices
          name="contactIds"
          label="Kontakter"
          form={form}
          multiple
          options={view.contacts
            .filter((ct) => !ct.leftAt)
            .map((ct) => ({ value: ct.id, label: ct.role ? `${ct.name}, ${ct.role}` : ct.name }))}
        />
        <Choices name="relatedPageIds" label="Relaterade sidor" form={form} multiple options={view.pages} />
        <Choices
          name="themeKeys"
          label="Teman"
          form={form}
          multiple
          options={THEMES.map((t) => ({ value: t.key, label: t.name }))}
        />
        <TextInput
          name="lastReviewedOn"
          label="Senast granskad (valfritt)"
          hint="ÅÅÅÅ-MM-DD, till exempel 2026-09-01"
          form={form}
          width="govuk-input--width-10"
        />
        <TextInput name="note" label="Vad har ändrats? (valfritt)" form={form} maxLength={500} />
        <Button>Spara utkastet</Button>
      </PostForm>
    </Layout>
  );
}

// ---- Preview ----------------------------------------------------------------------------------------------

export function PreviewPage({
  ctx,
  county,
  pageId,
  content,
}: {
  ctx: PageContext;
  county: CountyRef;
  pageId: string;
  content: PageContentView | undefined;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={content?.title || 'Förhandsvisning'}
      caption="Förhandsvisning"
      breadcrumbs={[
        ...editorialCrumbs(county),
        { href: urls.editPage(county.slug, pageId), label: 'Tillbaka till sidan' },
      ]}
    >
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          Förhandsvisning: så här blir sidan när utkastet publiceras. Den är inte publicerad än.
        </strong>
      </div>
      {content ? <PageContent view={content} /> : <p class="govuk-body">Sidan har inget innehåll än.</p>}
    </Layout>
  );
}

// ---- Publish, move, image, files -----------------------------------------------------------------------

export function PublishFormPage({
  ctx,
  county,
  page,
  title,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  page: PageRow;
  title: string;
  form: FormState;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={`Publicera: ${title}`}
      caption={county.name}
      breadcrumbs={pageCrumbs(county, { id: page.id, title })}
    >
      <ErrorSummary errors={form.errors} />
      <PostForm action={urls.publishPage(county.slug, page.id)} csrfToken={ctx.csrfToken}>
        <Choices
          name="when"
          label="När ska sidan publiceras?"
          form={form}
          options={[
            { value: 'now', label: 'Nu' },
            { value: 'later', label: 'Vid en viss tid' },
          ]}
        />
        <TextInput name="date" label="Datum" hint="ÅÅÅÅ-MM-DD" form={form} width="govuk-input--width-10" />
        <TextInput
          name="time"
          label="Tid"
          hint="TT.MM, svensk tid"
          form={form}
          width="govuk-input--width-4"
        />
        <Button>Publicera</Button>
      </PostForm>
    </Layout>
  );
}

export function MovePagePage({
  ctx,
  county,
  page,
  title,
  parents,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  page: PageRow;
  title: string;
  parents: ParentOption[];
  form: FormState;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={`Flytta: ${title}`}
      caption={county.name}
      breadcrumbs={pageCrumbs(county, { id: page.id, title })}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">Den gamla adressen leder vidare till den nya, också för sidorna under den här.</p>
      <PostForm action={urls.movePage(county.slug, page.id)} csrfToken={ctx.csrfToken}>
        <TextInput name="slug" label="Adress" form={form} width="govuk-input--width-20" />
        <Select
          name="parentId"
          label="Ligger under"
          form={form}
          options={parents}
          placeholder="Översta nivån"
        />
        <Button>Flytta sidan</Button>
      </PostForm>
    </Layout>
  );
}

export function PageImagePage({
  ctx,
  county,
  page,
  title,
  image,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  page: PageRow;
  title: string;
  image: { src: string; name: string } | undefined;
  form: FormState;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={`Bild: ${title}`}
      caption={county.name}
      breadcrumbs={pageCrumbs(county, { id: page.id, title })}
    >
      <ErrorSummary errors={form.errors} />
      {image ? (
        <p class="govuk-body">
          <img src={image.src} alt="" class="sv-thumbnail" />
          <br />
          <span safe>{`Nuvarande bild: ${image.name}`}</span>
        </p>
      ) : (
        ''
      )}
      <PostForm action={urls.pageImage(county.slug, page.id)} csrfToken={ctx.csrfToken} uploads>
        <input type="hidden" name="imageRef" value={form.values.imageRef ?? ''} />
        <FileUpload
          name="image"
          label="Bild"
          hint="En PNG- eller JPEG-bild."
          form={form}
          accept="image/png,image/jpeg"
        />
        <TextInput
          name="imageAlt"
          label="Alternativtext"
          hint="Vad bilden visar, för den som inte ser den."
          form={form}
          maxLength={300}
        />
        {image ? <Checkbox name="removeImage" label="Ta bort bilden" form={form} /> : ''}
        <Button>Spara bilden i utkastet</Button>
      </PostForm>
    </Layout>
  );
}

export function PageFilesPage({
  ctx,
  county,
  page,
  title,
  files,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  page: PageRow;
  title: string;
  files: Array<{
    fileId: string;
    title: string;
    url: string;
    kind: string;
    isImage: boolean;
    isPublic: boolean;
  }>;
  form: FormState;
}): JSX.Element {
  const c = county.slug;
  const images = files.filter((f) => f.isImage);
  return (
    <Layout
      ctx={ctx}
      title={`Filer: ${title}`}
      caption={county.name}
      breadcrumbs={pageCrumbs(county, { id: page.id, title })}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        Filerna hör till utkastet: en fil du lägger till eller tar bort syns för allmänheten först när
        utkastet publiceras. Innan dess ser bara länets redaktörer den.
      </p>
      {files.length === 0 ? (
        <p class="govuk-body">Sidan har inga filer.</p>
      ) : (
        <ul class="govuk-list">
          {files.map((f) => (
            <li>
              <a class="govuk-link" href={f.url} safe>
                {f.title}
              </a>{' '}
              <span safe>{`(${f.kind})`}</span>{' '}
              {f.isPublic ? (
                <strong class="govuk-tag govuk-tag--green">Publicerad</strong>
              ) : (
                <strong class="govuk-tag govuk-tag--grey">Bara i utkastet</strong>
              )}
              <PostForm action={urls.pageFileRemove(c, page.id, f.fileId)} csrfToken={ctx.csrfToken}>
                <Button variant="secondary" small>
                  Ta bort ur utkastet<span class="govuk-visually-hidden" safe>{` ${f.title}`}</span>
                </Button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      {images.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Bilder i texten</h2>
          <p class="govuk-body">
            Kopiera raden till sidans text där bilden ska stå, och skriv vad bilden visar mellan
            hakparenteserna.
          </p>
          <ul class="govuk-list">
            {images.map((f) => (
              <li>
                <span safe>{`${f.title}: `}</span>
                <code class="sv-code" safe>{`![Vad bilden visar](${f.url})`}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Lägg till en fil</h2>
      <PostForm action={urls.pageFiles(c, page.id)} csrfToken={ctx.csrfToken} uploads>
        <input type="hidden" name="fileRef" value={form.values.fileRef ?? ''} />
        <FileUpload name="file" label="Fil" hint="PDF, Word, Excel, PNG eller JPEG." form={form} />
        <TextInput
          name="title"
          label="Namn på sidan (valfritt)"
          hint="Annars filens namn."
          form={form}
          maxLength={200}
        />
        <Button>Ladda upp</Button>
      </PostForm>
    </Layout>
  );
}

// ---- History ------------------------------------------------------------------------------------------------

export function HistoryPage({
  ctx,
  county,
  page,
  title,
  revisions,
}: {
  ctx: PageContext;
  county: CountyRef;
  page: PageRow;
  title: string;
  revisions: Array<RevisionRow & { authorName: string | null }>;
}): JSX.Element {
  const c = county.slug;
  return (
    <Layout
      ctx={ctx}
      title={`Historik: ${title}`}
      caption={county.name}
      breadcrumbs={pageCrumbs(county, { id: page.id, title })}
    >
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Versioner</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Version
            </th>
            <th scope="col" class="govuk-table__header">
              Läge
            </th>
            <th scope="col" class="govuk-table__header">
              Vem
            </th>
            <th scope="col" class="govuk-table__header">
              När
            </th>
            <th scope="col" class="govuk-table__header">
              Kommentar
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {revisions.map((r) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                <a class="govuk-link" href={urls.revision(c, page.id, r.id)} safe>
                  {`Version ${r.number}`}
                </a>
              </th>
              <td class="govuk-table__cell" safe>
                {revisionStateLabels[r.state]}
              </td>
              <td class="govuk-table__cell" safe>
                {r.authorName ?? 'Okänd'}
              </td>
              <td class="govuk-table__cell" safe>
                {formatDateTime(r.publishedAt ?? r.updatedAt)}
              </td>
              <td class="govuk-table__cell" safe>
                {r.note}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export interface FieldDiff {
  label: string;
  lines: DiffLine[];
}

export function RevisionPage({
  ctx,
  county,
  page,
  title,
  revision,
  previousNumber,
  diffs,
  mayRestore,
  form,
}: {
  ctx: PageContext;
  county: CountyRef;
  page: PageRow;
  title: string;
  revision: RevisionRow;
  previousNumber: number | null;
  diffs: FieldDiff[];
  mayRestore: boolean;
  form: FormState;
}): JSX.Element {
  const c = county.slug;
  return (
    <Layout
      ctx={ctx}
      title={`Version ${revision.number}: ${revision.title || title}`}
      caption={county.name}
      breadcrumbs={[
        ...pageCrumbs(county, { id: page.id, title }),
        { href: urls.history(c, page.id), label: 'Historik' },
      ]}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body" safe>
        {`${revisionStateLabels[revision.state]}, ${formatDateTime(revision.publishedAt ?? revision.updatedAt)}${revision.note ? ` – ${revision.note}` : ''}`}
      </p>
      {mayRestore ? (
        <PostForm action={urls.restore(c, page.id, revision.id)} csrfToken={ctx.csrfToken}>
          <Button variant="secondary">Återställ den här versionen som utkast</Button>
        </PostForm>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m" safe>
        {previousNumber === null ? 'Innehåll (första versionen)' : `Skillnader mot version ${previousNumber}`}
      </h2>
      {diffs.map((d) => (
        <table class="govuk-table sv-diff">
          <caption class="govuk-table__caption govuk-table__caption--s" safe>
            {d.label}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Ändring
              </th>
              <th scope="col" class="govuk-table__header">
                Rad
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {d.lines.map((l) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  {l.kind === 'added' ? 'Tillagt' : l.kind === 'removed' ? 'Borttaget' : 'Oförändrat'}
                </td>
                <td class="govuk-table__cell">
                  {l.kind === 'added' ? (
                    <ins safe>{l.text}</ins>
                  ) : l.kind === 'removed' ? (
                    <del safe>{l.text}</del>
                  ) : (
                    <span safe>{l.text}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Layout>
  );
}
