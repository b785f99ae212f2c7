import {
  Button,
  ErrorSummary,
  FileUpload,
  PostForm,
  Table,
  type FormState,
} from '../../../../ui/components.tsx';
import type { InterventionRow } from '../../interventions-repository.ts';
import { interventionStatusLabels } from '../../labels.ts';
import type { ImportProblem, ImportRow } from '../../progress-import.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { Refusal, type RoomPage } from './parts.tsx';

export interface ImportPreview {
  /** the file as text, carried to the confirming form */
  text: string;
  rows: Array<ImportRow & { intervention: InterventionRow }>;
}

const problemText = (p: ImportProblem) =>
  `Rad ${p.line}${p.column ? `, kolumnen ”${p.column}”` : ''}: ${p.message}`;

/**
 * Progress reports from a CSV file: the format and a template made from the council's interventions, the
 * upload, then every problem by line and column (nothing applied), or the lines as they will be read and a
 * button that applies them all.
 */
export function ProgressImportPage(
  p: RoomPage & {
    form: FormState;
    problems: ImportProblem[];
    preview: ImportPreview | undefined;
    templateHref: string;
  },
): JSX.Element {
  const { county, council } = p;
  const action = urls.progressImport(county.slug, council.slug);
  const mayChange = p.manages && p.editing.allowed;
  return (
    <CouncilRoom
      ctx={p.ctx}
      county={county}
      council={council}
      part="priorities"
      title="Lägesrapporter från en CSV-fil"
    >
      <ErrorSummary
        errors={
          p.problems.length > 0
            ? Object.fromEntries(p.problems.map((pr, i) => [`problem-${i}`, problemText(pr)]))
            : p.form.errors
        }
        hrefOf={(field) =>
          field.startsWith('problem-') ? '#problems' : `#${field === '_form' ? 'main-content' : field}`
        }
      />
      {p.problems.length > 0 ? (
        <div id="problems">
          <p class="govuk-body">
            Filen har fel och ingenting har lästs in. Rätta felen och ladda upp filen igen.
          </p>
          <Table
            caption="Fel i filen"
            rows={p.problems}
            columns={[
              { header: 'Rad', numeric: true, cell: (pr) => <span safe>{String(pr.line)}</span> },
              { header: 'Kolumn', cell: (pr) => <span safe>{pr.column || 'Hela raden'}</span> },
              { header: 'Fel', cell: (pr) => <span safe>{pr.message}</span> },
            ]}
          />
        </div>
      ) : (
        ''
      )}
      {p.preview ? (
        <>
          <Table
            caption="Det här läses in"
            rows={p.preview.rows}
            columns={[
              { header: 'Rad', numeric: true, cell: (r) => <span safe>{String(r.line)}</span> },
              { header: 'Insats', cell: (r) => <span safe>{r.intervention.name}</span> },
              { header: 'Period', cell: (r) => <span safe>{r.progress.period}</span> },
              {
                header: 'Status efter',
                cell: (r) => <span safe>{interventionStatusLabels[r.progress.status]}</span>,
              },
              { header: 'Text', cell: (r) => <span safe>{r.progress.text}</span> },
            ]}
          />
          <PostForm action={action} csrfToken={p.ctx.csrfToken} uploads>
            <input type="hidden" name="csv" value={p.preview.text} />
            <Button name="intent" value="apply">
              <span safe>
                {`Läs in ${p.preview.rows.length === 1 ? 'lägesrapporten' : `${p.preview.rows.length} lägesrapporter`}`}
              </span>
            </Button>
          </PostForm>
        </>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Filens format</h2>
      <p class="govuk-body">
        En CSV-fil sparad som UTF-8, med semikolon eller kommatecken mellan fälten och en rubrikrad först. En
        rad per insats och period; en rapport för en period som redan har en ersätter den.
      </p>
      <dl class="govuk-summary-list">
        {[
          ['insats-id', 'Insatsens id, som i mallen. Eller kolumnen ”insats” med insatsens namn.'],
          ['period', 'Ett år (2025), ett halvår (2025-H1, 2025-H2) eller ett tertial (2025-T1 … 2025-T3).'],
          ['status', 'Insatsens status efter perioden: planerad, pågående, avslutad eller pausad.'],
          ['text', 'Hur arbetet har gått.'],
          [
            'siffra: Vad (enhet)',
            'Frivilliga kolumner med siffror, till exempel ”siffra: Deltagare (personer)”.',
          ],
        ].map(([key, value]) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key" safe>
              {key!}
            </dt>
            <dd class="govuk-summary-list__value" safe>
              {value!}
            </dd>
          </div>
        ))}
      </dl>
      <p class="govuk-body">
        <a class="govuk-link" href={p.templateHref} download="">
          Ladda ner en mall med rådets insatser (CSV)
        </a>
      </p>
      {mayChange ? (
        <PostForm action={action} csrfToken={p.ctx.csrfToken} uploads>
          <FileUpload name="file" label="CSV-fil" form={p.form} accept=".csv,text/csv" />
          <Button name="intent" value="preview">
            Granska filen
          </Button>
        </PostForm>
      ) : (
        <Refusal editing={p.editing} />
      )}
    </CouncilRoom>
  );
}
