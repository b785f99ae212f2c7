import { formatDate } from '../../../platform/i18n.ts';
import {
  Button,
  Checkbox,
  Choices,
  ErrorSummary,
  FileUpload,
  LinkButton,
  PostForm,
  Table,
  Tag,
  TextArea,
  TextInput,
  type FormState,
  type TagColour,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { NewsStatus } from '../lifecycle.ts';
import { NEWS_LIMITS, newsStatusLabels } from '../news.ts';
import { THEMES } from '../themes.ts';
import { momentWords } from '../when.ts';

/** Where the editors work: a county's editorial pages, or the coordinator's national ones. */
export interface NewsDesk {
  /** "Uppsala län", or undefined nationally */
  countyName: string | undefined;
  /** the editorial start (breadcrumb) and the list */
  editorialUrl: string;
  listUrl: string;
  newUrl: string;
  /** the public list the items appear in */
  publicListUrl: string;
}

const statusColour: Record<NewsStatus, TagColour> = {
  draft: 'grey',
  scheduled: 'blue',
  published: 'green',
  expired: 'orange',
};

export const NewsStatusTag = ({ status }: { status: NewsStatus }): JSX.Element => (
  <Tag text={newsStatusLabels[status]} colour={statusColour[status]} />
);

const deskTitle = (desk: NewsDesk): string => (desk.countyName ? 'Nyheter' : 'Nationella nyheter');
const deskCrumbs = (desk: NewsDesk) => [{ href: desk.editorialUrl, label: 'Redaktion' }];

export interface NewsListRow {
  id: string;
  title: string;
  status: NewsStatus;
  editUrl: string;
  publishedAt: Date | null;
  expiresAt: Date | null;
}

export function NewsEditorListPage({
  ctx,
  desk,
  rows,
}: {
  ctx: PageContext;
  desk: NewsDesk;
  rows: NewsListRow[];
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={deskTitle(desk)} caption={desk.countyName} breadcrumbs={deskCrumbs(desk)}>
      <p class="govuk-body">
        Nyheterna visas på{' '}
        <a class="govuk-link" href={desk.publicListUrl}>
          {desk.countyName ? 'länets nyhetssida' : 'den nationella nyhetssidan'}
        </a>{' '}
        från att de publiceras tills de slutar visas.
      </p>
      <LinkButton href={desk.newUrl} text="Skriv en nyhet" />
      <Table
        caption="Alla nyheter"
        rows={rows}
        empty="Det finns inga nyheter än."
        columns={[
          {
            header: 'Rubrik',
            cell: (r) => (
              <a class="govuk-link" href={r.editUrl} safe>
                {r.title}
              </a>
            ),
          },
          { header: 'Läge', cell: (r) => <NewsStatusTag status={r.status} /> },
          {
            header: 'Publiceras',
            cell: (r) => <span>{r.publishedAt ? momentWords(r.publishedAt) : '–'}</span>,
          },
          {
            header: 'Slutar visas',
            cell: (r) => <span>{r.expiresAt ? momentWords(r.expiresAt) : '–'}</span>,
          },
        ]}
      />
    </Layout>
  );
}

export interface NewsFormView {
  desk: NewsDesk;
  /** the form's address (new or the item's own) */
  action: string;
  /** an item being edited: its state, public address and what may be done */
  item?:
    | {
        title: string;
        status: NewsStatus;
        publishedAt: Date | null;
        publicUrl: string;
        unpublishUrl: string;
        deleteUrl: string;
        mayUnpublish: boolean;
        mayDelete: boolean;
      }
    | undefined;
  /** the image it has (or was just given) */
  image: { src: string; name: string } | undefined;
}

export function NewsFormPage({
  ctx,
  form,
  view,
}: {
  ctx: PageContext;
  form: FormState;
  view: NewsFormView;
}): JSX.Element {
  const { desk, item } = view;
  const published = item && (item.status === 'published' || item.status === 'expired') && item.publishedAt;
  return (
    <Layout
      ctx={ctx}
      title={item ? `Ändra nyheten ”${item.title}”` : 'Skriv en nyhet'}
      caption={desk.countyName}
      breadcrumbs={[...deskCrumbs(desk), { href: desk.listUrl, label: deskTitle(desk) }]}
    >
      <ErrorSummary errors={form.errors} />
      {item ? (
        <p class="govuk-body">
          <NewsStatusTag status={item.status} />{' '}
          {item.status === 'published' ? (
            <a class="govuk-link" href={item.publicUrl}>
              Visa nyheten som besökarna ser den
            </a>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      <PostForm action={view.action} csrfToken={ctx.csrfToken} uploads>
        <input type="hidden" name="imageRef" value={form.values.imageRef ?? ''} />
        <TextInput name="title" label="Rubrik" form={form} maxLength={NEWS_LIMITS.title} />
        <TextInput
          name="slug"
          label="Adress (valfri)"
          hint="Sista delen av nyhetens webbadress. Lämna tom så skapas den av rubriken."
          form={form}
          width="govuk-input--width-30"
          spellcheck={false}
        />
        <TextArea
          name="summary"
          label="Ingress"
          hint="En eller två meningar som visas i listor och flöden."
          form={form}
          rows={3}
          maxLength={NEWS_LIMITS.summary}
        />
        <TextArea
          name="body"
          label="Text"
          hint="Skriv med Markdown: ## för mellanrubrik, - för punktlista, [länktext](https://…) för länk."
          form={form}
          rows={14}
        />
        <Choices
          name="themes"
          label="Teman"
          hint="Välj de teman nyheten handlar om."
          form={form}
          multiple
          options={THEMES.map((t) => ({ value: t.key, label: t.name }))}
        />
        <h2 class="govuk-heading-m">Bild</h2>
        {view.image ? (
          <>
            <p class="govuk-body">
              <img src={view.image.src} alt="" width="240" class="sv-news-preview" />
              <br />
              <span safe>{`Nuvarande bild: ${view.image.name}`}</span>
            </p>
            <Checkbox name="removeImage" label="Ta bort bilden" form={form} />
          </>
        ) : (
          ''
        )}
        <FileUpload
          name="image"
          label={view.image ? 'Byt bild (valfri)' : 'Bild (valfri)'}
          hint="En PNG- eller JPEG-bild."
          form={form}
          accept="image/png,image/jpeg"
        />
        <TextInput
          name="imageAlt"
          label="Alternativtext för bilden"
          hint="Beskriv vad bilden visar för den som inte ser den."
          form={form}
          maxLength={NEWS_LIMITS.alt}
        />
        <h2 class="govuk-heading-m">Publicering</h2>
        <Choices
          name="publish"
          label="När ska nyheten publiceras?"
          form={form}
          options={[
            { value: 'draft', label: 'Spara som utkast (visas inte för besökare)' },
            {
              value: 'now',
              label: published ? `Publicerad (sedan ${formatDate(published)})` : 'Publicera nu',
            },
            { value: 'at', label: 'Publicera vid en viss tid' },
          ]}
        />
        <div class="govuk-inset-text">
          <p class="govuk-body">Om du valt att publicera vid en viss tid (svensk tid):</p>
          <TextInput
            name="publishDate"
            label="Publiceringsdatum"
            hint="ÅÅÅÅ-MM-DD, till exempel 2026-09-01"
            form={form}
            width="govuk-input--width-10"
          />
          <TextInput
            name="publishTime"
            label="Klockslag"
            hint="TT.MM, till exempel 09.00"
            form={form}
            width="govuk-input--width-4"
          />
        </div>
        <TextInput
          name="expiresDate"
          label="Sluta visa nyheten (valfritt datum)"
          hint="ÅÅÅÅ-MM-DD. Lämna tomt om nyheten ska visas tills vidare."
          form={form}
          width="govuk-input--width-10"
        />
        <TextInput
          name="expiresTime"
          label="Sluta visa nyheten, klockslag (valfritt)"
          hint="TT.MM. Utan klockslag slutar nyheten visas vid dagens slut."
          form={form}
          width="govuk-input--width-4"
        />
        <Button>Spara</Button>
      </PostForm>
      {item?.mayUnpublish ? (
        <PostForm action={item.unpublishUrl} csrfToken={ctx.csrfToken}>
          <h2 class="govuk-heading-m">Avpublicera</h2>
          <p class="govuk-body">Nyheten tas bort från webbplatsen och blir ett utkast igen.</p>
          <Button variant="secondary">Avpublicera nyheten</Button>
        </PostForm>
      ) : (
        ''
      )}
      {item?.mayDelete ? (
        <PostForm action={item.deleteUrl} csrfToken={ctx.csrfToken}>
          <h2 class="govuk-heading-m">Ta bort</h2>
          <p class="govuk-body">Utkastet tas bort för gott.</p>
          <Button variant="warning">Ta bort utkastet</Button>
        </PostForm>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The coordinator's editorial start: national news and the banners of every county. */
export function NationalEditorialPage({
  ctx,
  links,
}: {
  ctx: PageContext;
  links: { news: string; banners: string; publicNews: string };
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Nationell redaktion">
      <p class="govuk-body">
        Här skriver du nationella nyheter och varningar som visas på alla läns sidor eller i ett län.
      </p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={links.news}>
            Nationella nyheter
          </a>
        </li>
        <li>
          <a class="govuk-link" href={links.banners}>
            Varningar
          </a>
        </li>
        <li>
          <a class="govuk-link" href={links.publicNews}>
            Nyheterna som besökarna ser dem
          </a>
        </li>
      </ul>
    </Layout>
  );
}
