import type { Decision } from '../../../../platform/authz.ts';
import { FILE_KINDS, fileUrl, type FileKind } from '../../../../platform/files.ts';
import { formatDate } from '../../../../platform/i18n.ts';
import type { CountyRecord } from '../../../../platform/tenancy.ts';
import {
  Button,
  Checkbox,
  ErrorSummary,
  FileUpload,
  PostForm,
  Select,
  Table,
  Tag,
  TextArea,
  TextInput,
  type FormState,
} from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import { DOCUMENT_LIMITS } from '../../documents.ts';
import type { DocumentRow, VersionWithFile } from '../../documents-repository.ts';
import type { DecisionRow } from '../../decisions-repository.ts';
import { documentKindLabels, documentStatusLabels } from '../../labels.ts';
import type { MeetingRow } from '../../meetings-repository.ts';
import type { BodyRow, CouncilRow } from '../../repository.ts';
import { documentKinds } from '../../tables.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { AdminSection } from '../work-parts.tsx';

/** "PDF, 1,2 MB": a file's type and size, for a link to it. */
export function fileFacts(file: VersionWithFile['file']): string {
  const size =
    file.size >= 1024 * 1024
      ? `${(file.size / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`
      : `${Math.max(1, Math.round(file.size / 1024)).toLocaleString('sv-SE')} kB`;
  const label = FILE_KINDS[file.kind as FileKind]?.label ?? file.kind;
  return `${label}, ${size}`;
}

/** A link to a version's file with its type and size. */
export function FileLink({ version, text }: { version: VersionWithFile; text: string }): JSX.Element {
  return (
    <>
      <a class="govuk-link" href={fileUrl(version.file)} safe>
        {text}
      </a>{' '}
      <span class="govuk-hint govuk-!-display-inline" safe>{`(${fileFacts(version.file)})`}</span>
    </>
  );
}

export interface DocumentChoices {
  bodies: BodyRow[];
  decisions: DecisionRow[];
  meetings: MeetingRow[];
}

/** The document form's fields: kind, title, description, public or a body's, the decision and meeting. */
export function DocumentFields({
  form,
  choices,
}: {
  form: FormState;
  choices: DocumentChoices;
}): JSX.Element {
  return (
    <>
      <Select
        name="kind"
        label="Sorts dokument"
        form={form}
        placeholder="Välj"
        options={documentKinds.map((k) => ({ value: k, label: documentKindLabels[k] }))}
      />
      <TextInput name="title" label="Titel" form={form} maxLength={DOCUMENT_LIMITS.title} />
      <TextArea
        name="description"
        label="Beskrivning (frivillig)"
        form={form}
        rows={3}
        maxLength={DOCUMENT_LIMITS.description}
      />
      <Checkbox
        name="public"
        label="Offentligt: visas på rådets publika sida"
        hint="Ett internt dokument ser bara gruppen nedan och länets administratörer"
        form={form}
      />
      <Select
        name="bodyId"
        label="Grupp som ser det interna dokumentet"
        form={form}
        placeholder="Ingen (offentligt dokument)"
        options={choices.bodies.map((b) => ({ value: b.id, label: b.name }))}
      />
      <Select
        name="decisionId"
        label="Beslut (frivilligt)"
        hint="Beslutet som antog dokumentet"
        form={form}
        placeholder="Inget beslut"
        options={choices.decisions.map((d) => ({ value: d.id, label: `${d.number} ${d.title}` }))}
      />
      <Select
        name="meetingId"
        label="Handling till möte (frivilligt)"
        hint="Dokumentet länkas i mötets kallelse"
        form={form}
        placeholder="Inget möte"
        options={choices.meetings.map((m) => ({
          value: m.id,
          label: `${m.title} (${formatDate(m.startsAt)})`,
        }))}
      />
    </>
  );
}

/** The file field and the upload kept from a failed post (its id in a hidden field). */
export function DocumentFileField({ form, label }: { form: FormState; label: string }): JSX.Element {
  const kept = form.values.fileRef ?? '';
  return (
    <>
      {kept ? <input type="hidden" name="fileRef" value={kept} /> : ''}
      <FileUpload
        name="file"
        label={label}
        hint={
          kept
            ? 'Filen du valde är sparad. Välj en ny bara om du vill byta den.'
            : 'En PDF eller ett Word-dokument (.docx). Det är innehållet som avgör, inte filnamnet.'
        }
        form={form}
        accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      />
    </>
  );
}

export interface DocumentsListData {
  county: Pick<CountyRecord, 'name' | 'slug'>;
  council: CouncilRow;
  /** the documents the viewer sees, each with its newest version */
  documents: Array<DocumentRow & { newest: VersionWithFile | undefined }>;
  choices: DocumentChoices;
  adding: Decision;
}

/** The council's documents (Dokument): the ones the viewer sees, and adding one with its file. */
export function DocumentsListPage({
  ctx,
  data,
  form,
}: {
  ctx: PageContext;
  data: DocumentsListData;
  form: FormState;
}): JSX.Element {
  const { county, council, documents, adding } = data;
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="documents" title="Dokument">
      <ErrorSummary errors={form.errors} />
      <Table
        caption="Rådets dokument"
        rows={documents}
        empty="Inga dokument än."
        columns={[
          {
            header: 'Dokument',
            cell: (d) => (
              <a class="govuk-link" href={urls.document(county.slug, council.slug, d.id)} safe>
                {d.title}
              </a>
            ),
          },
          { header: 'Sort', cell: (d) => <span safe>{documentKindLabels[d.kind]}</span> },
          { header: 'Synlighet', cell: (d) => <span>{d.public ? 'Offentligt' : 'Internt'}</span> },
          {
            header: 'Senaste version',
            cell: (d) =>
              d.newest ? (
                <FileLink version={d.newest} text={`Version ${d.newest.version}`} />
              ) : (
                <span>–</span>
              ),
          },
          {
            header: 'Status',
            cell: (d) => (
              <Tag text={documentStatusLabels[d.status]} colour={d.status === 'current' ? 'green' : 'grey'} />
            ),
          },
        ]}
      />
      <AdminSection decision={adding} id="add" heading="Lägg till ett dokument">
        <PostForm action={urls.documents(county.slug, council.slug)} csrfToken={ctx.csrfToken} uploads>
          <DocumentFields form={form} choices={data.choices} />
          <DocumentFileField form={form} label="Fil" />
          <Button>Lägg till dokumentet</Button>
        </PostForm>
      </AdminSection>
    </CouncilRoom>
  );
}
