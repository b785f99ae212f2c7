import { Html } from '@kitajs/html';
import { safeMarkdown } from '../../../../platform/markdown.ts';
import type { PageContext } from '../../../../ui/context.ts';
import {
  Button,
  ErrorSummary,
  PostForm,
  Table,
  TextArea,
  TextInput,
  type FormState,
} from '../../../../ui/components.tsx';
import { Layout } from '../../../../ui/layout.tsx';
import { whenOfEvent } from '../../labels.ts';
import type { EventRow, Figures, SeriesRow } from '../../repository.ts';
import { EVENT_LIMITS } from '../../schemas.ts';
import { urls } from '../../urls.ts';
import { ActionLinks, EventStatusTag, FiguresTables, type CountyOf, type FiguresView } from './parts.tsx';

/** A series' page: what it is, its events with their figures, and the figures of them all. */
export function SeriesPage({
  ctx,
  county,
  series,
  events,
  figures,
  canEdit,
  canCreate,
}: {
  ctx: PageContext;
  county: CountyOf;
  series: SeriesRow;
  events: Array<{ event: EventRow; figures: Figures }>;
  figures: FiguresView;
  canEdit: boolean;
  canCreate: boolean;
}): JSX.Element {
  const n = (v: number) => <span safe>{v.toLocaleString('sv-SE')}</span>;
  return (
    <Layout
      ctx={ctx}
      title={series.title}
      caption={`Föreläsningsserie ${series.startYear === series.endYear ? series.startYear : `${series.startYear}–${series.endYear}`}`}
      breadcrumbs={[{ href: urls.manage(county.slug), label: 'Evenemang' }]}
    >
      {series.description ? <div class="sv-event-description">{safeMarkdown(series.description)}</div> : ''}
      <ActionLinks
        label="Serien"
        links={[
          canEdit && { href: urls.organiser.editSeries(county.slug, series.id), text: 'Ändra serien' },
          canCreate && {
            href: urls.organiser.newEvent(county.slug),
            text: 'Skapa ett evenemang (välj serien i formuläret)',
          },
        ]}
      />
      {events.length === 0 ? (
        <p class="govuk-body">Serien har inga evenemang ännu.</p>
      ) : (
        <Table
          caption="Seriens evenemang"
          rows={events}
          columns={[
            {
              header: 'Evenemang',
              cell: ({ event: e }) => (
                <a class="govuk-link" href={urls.manageEvent(county.slug, e.id)} safe>
                  {e.title}
                </a>
              ),
            },
            { header: 'När', cell: ({ event: e }) => <span safe>{whenOfEvent(e.startsAt, e.endsAt)}</span> },
            { header: 'Status', cell: ({ event: e }) => <EventStatusTag status={e.status} /> },
            { header: 'Anmälningar', numeric: true, cell: ({ figures: f }) => n(f.registered) },
            { header: 'Deltog', numeric: true, cell: ({ figures: f }) => n(f.attended) },
            { header: 'Uteblev', numeric: true, cell: ({ figures: f }) => n(f.noShows) },
          ]}
        />
      )}
      <FiguresTables view={figures} id="series-figures-h" heading="Siffror för hela serien" />
    </Layout>
  );
}

/** Creating or changing a series: its title, description and the years it runs. */
export function SeriesFormPage({
  ctx,
  county,
  form,
  action,
  title,
  back,
  submitText,
}: {
  ctx: PageContext;
  county: CountyOf;
  form: FormState;
  action: string;
  title: string;
  back: Array<{ href: string; label: string }>;
  submitText: string;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={title} caption={county.name} breadcrumbs={back}>
      <ErrorSummary errors={form.errors} />
      <PostForm action={action} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label="Rubrik" maxLength={EVENT_LIMITS.seriesTitle} form={form} />
        <TextArea
          name="description"
          label="Beskrivning"
          hint="Vad serien handlar om och för vem. Du kan använda Markdown."
          rows={6}
          maxLength={EVENT_LIMITS.seriesDescription}
          form={form}
        />
        <TextInput
          name="startYear"
          label="Första året"
          type="number"
          width="govuk-input--width-4"
          form={form}
        />
        <TextInput
          name="endYear"
          label="Sista året"
          hint="Samma som det första året om serien pågår ett år"
          type="number"
          width="govuk-input--width-4"
          form={form}
        />
        <Button>{Html.escapeHtml(submitText)}</Button>
      </PostForm>
    </Layout>
  );
}
