import { bannerLevelLabels } from '../../../platform/page-context.ts';
import {
  Button,
  Choices,
  ErrorSummary,
  LinkButton,
  PostForm,
  Select,
  Table,
  Tag,
  TextArea,
  TextInput,
  type FormState,
  type Option,
  type TagColour,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { BANNER_LIMITS, bannerStatusLabels } from '../banners.ts';
import { bannerLevels, type BannerLevel, type BannerStatus } from '../lifecycle.ts';
import { momentWords } from '../when.ts';

/** A county admin's banners, or the coordinator's (every county's). */
export interface BannerDesk {
  countyName: string | undefined;
  editorialUrl: string;
  listUrl: string;
  newUrl: string;
  /** the coordinator chooses where a banner shows: every county or one */
  where: Option[] | undefined;
}

export interface BannerListRow {
  id: string;
  level: BannerLevel;
  message: string;
  status: BannerStatus;
  startsAt: Date;
  endsAt: Date;
  /** "Alla län", or the county's name */
  shownIn: string;
  /** the banner's page, where the viewer may change or end it */
  editUrl: string | undefined;
  endUrl: string | undefined;
}

const statusColour: Record<BannerStatus, TagColour> = { scheduled: 'blue', active: 'green', ended: 'grey' };
const levelColour: Record<BannerLevel, TagColour> = {
  info: 'light-blue',
  warning: 'yellow',
  critical: 'red',
};

export const BannerStatusTag = ({ status }: { status: BannerStatus }): JSX.Element => (
  <Tag text={bannerStatusLabels[status]} colour={statusColour[status]} />
);

const crumbs = (desk: BannerDesk) => [{ href: desk.editorialUrl, label: 'Redaktion' }];

function BannerTable({
  caption,
  rows,
  csrfToken,
  showWhere,
}: {
  caption: string;
  rows: BannerListRow[];
  csrfToken: string;
  showWhere: boolean;
}): JSX.Element {
  return (
    <Table
      caption={caption}
      rows={rows}
      empty="Det finns inga varningar."
      columns={[
        {
          header: 'Meddelande',
          cell: (r) =>
            r.editUrl ? (
              <a class="govuk-link" href={r.editUrl} safe>
                {r.message}
              </a>
            ) : (
              <span safe>{r.message}</span>
            ),
        },
        {
          header: 'Nivå',
          cell: (r) => <Tag text={bannerLevelLabels[r.level]} colour={levelColour[r.level]} />,
        },
        ...(showWhere
          ? [{ header: 'Visas i', cell: (r: BannerListRow) => <span safe>{r.shownIn}</span> }]
          : []),
        { header: 'Läge', cell: (r) => <BannerStatusTag status={r.status} /> },
        {
          header: 'Visas',
          cell: (r) => <span safe>{`${momentWords(r.startsAt)} – ${momentWords(r.endsAt)}`}</span>,
        },
        {
          header: 'Åtgärd',
          cell: (r) =>
            r.endUrl ? (
              <PostForm action={r.endUrl} csrfToken={csrfToken}>
                <button
                  type="submit"
                  class="govuk-button govuk-button--warning sv-small-button govuk-!-margin-bottom-0"
                >
                  Avsluta nu<span class="govuk-visually-hidden" safe>{`: ${r.message}`}</span>
                </button>
              </PostForm>
            ) : (
              <span>–</span>
            ),
        },
      ]}
    />
  );
}

export function BannerListPage({
  ctx,
  desk,
  rows,
  national,
}: {
  ctx: PageContext;
  desk: BannerDesk;
  rows: BannerListRow[];
  /** a county's list: the coordinator's banners that show in every county too */
  national?: BannerListRow[] | undefined;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Varningar" caption={desk.countyName} breadcrumbs={crumbs(desk)}>
      <p class="govuk-body">
        En varning visas överst på{' '}
        {desk.countyName ? 'varje sida i länet' : 'varje sida i länet eller i alla län'} från starttiden till
        sluttiden, eller tills du avslutar den.
      </p>
      <LinkButton href={desk.newUrl} text="Ny varning" />
      <BannerTable
        caption={desk.countyName ? 'Länets varningar' : 'Alla varningar'}
        rows={rows}
        csrfToken={ctx.csrfToken}
        showWhere={!desk.countyName}
      />
      {national ? (
        <BannerTable
          caption="Nationella varningar (visas i alla län)"
          rows={national}
          csrfToken={ctx.csrfToken}
          showWhere={false}
        />
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface BannerFormView {
  desk: BannerDesk;
  action: string;
  banner?: { status: BannerStatus; endUrl: string | undefined } | undefined;
}

export function BannerFormPage({
  ctx,
  form,
  view,
}: {
  ctx: PageContext;
  form: FormState;
  view: BannerFormView;
}): JSX.Element {
  const { desk, banner } = view;
  return (
    <Layout
      ctx={ctx}
      title={banner ? 'Ändra varningen' : 'Ny varning'}
      caption={desk.countyName}
      breadcrumbs={[...crumbs(desk), { href: desk.listUrl, label: 'Varningar' }]}
    >
      <ErrorSummary errors={form.errors} />
      {banner ? (
        <p class="govuk-body">
          <BannerStatusTag status={banner.status} />
        </p>
      ) : (
        ''
      )}
      <PostForm action={view.action} csrfToken={ctx.csrfToken}>
        <Choices
          name="level"
          label="Nivå"
          form={form}
          options={bannerLevels.map((l) => ({ value: l, label: bannerLevelLabels[l] }))}
        />
        <TextArea
          name="message"
          label="Meddelande"
          hint="Kort och tydligt: vad har hänt och vad ska man göra."
          form={form}
          rows={3}
          maxLength={BANNER_LIMITS.message}
        />
        <TextInput
          name="linkUrl"
          label="Länk (valfri)"
          hint="En webbadress som börjar med https:// eller en sökväg på webbplatsen, till exempel /uppsala/kris"
          form={form}
          spellcheck={false}
        />
        <TextInput
          name="linkText"
          label="Länktext (valfri)"
          hint="Till exempel Läs mer på Krisinformation.se. Utan länktext står det Läs mer."
          form={form}
          maxLength={BANNER_LIMITS.linkText}
        />
        {desk.where ? (
          <Select name="where" label="Var ska varningen visas?" form={form} options={desk.where} />
        ) : (
          ''
        )}
        <h2 class="govuk-heading-m">När ska varningen visas? (svensk tid)</h2>
        <TextInput
          name="startsDate"
          label="Startdatum"
          hint="ÅÅÅÅ-MM-DD, till exempel 2026-09-01"
          form={form}
          width="govuk-input--width-10"
        />
        <TextInput
          name="startsTime"
          label="Starttid"
          hint="TT.MM, till exempel 08.00"
          form={form}
          width="govuk-input--width-4"
        />
        <TextInput
          name="endsDate"
          label="Slutdatum"
          hint="ÅÅÅÅ-MM-DD"
          form={form}
          width="govuk-input--width-10"
        />
        <TextInput name="endsTime" label="Sluttid" hint="TT.MM" form={form} width="govuk-input--width-4" />
        <Button>Spara varningen</Button>
      </PostForm>
      {banner?.endUrl ? (
        <PostForm action={banner.endUrl} csrfToken={ctx.csrfToken}>
          <h2 class="govuk-heading-m">Avsluta</h2>
          <p class="govuk-body">Varningen slutar visas nu.</p>
          <Button variant="warning">Avsluta varningen nu</Button>
        </PostForm>
      ) : (
        ''
      )}
    </Layout>
  );
}
