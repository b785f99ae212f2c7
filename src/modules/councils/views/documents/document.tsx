import type { Decision } from '../../../../platform/authz.ts';
import { formatDate } from '../../../../platform/i18n.ts';
import type { CountyRecord } from '../../../../platform/tenancy.ts';
import {
  Button,
  Details,
  ErrorSummary,
  PostForm,
  SummaryList,
  Tag,
  TextInput,
  type FormState,
} from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import { DOCUMENT_LIMITS } from '../../documents.ts';
import type { DocumentRow, VersionWithFile } from '../../documents-repository.ts';
import { documentKindLabels, documentStatusLabels } from '../../labels.ts';
import type { CouncilRow } from '../../repository.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { Refusal } from '../work-parts.tsx';
import { DocumentFields, DocumentFileField, FileLink, type DocumentChoices } from './list.tsx';

export interface DocumentPageData {
  county: Pick<CountyRecord, 'name' | 'slug'>;
  council: CouncilRow;
  document: DocumentRow;
  versions: VersionWithFile[];
  choices: DocumentChoices;
  /** changing it, a new version, withdrawing: the county's admin while the document is current */
  changing: Decision;
}

export const documentValues = (d: DocumentRow): Record<string, string> => ({
  kind: d.kind,
  title: d.title,
  description: d.description,
  public: d.public ? 'yes' : '',
  bodyId: d.bodyId ?? '',
  decisionId: d.decisionId ?? '',
  meetingId: d.meetingId ?? '',
});

/** One document: what it is, its newest version, the older ones, and (for its admin) changing it. */
export function DocumentPage({
  ctx,
  data,
  form,
}: {
  ctx: PageContext;
  data: DocumentPageData;
  form: FormState;
}): JSX.Element {
  const { county, council, document, versions, choices, changing } = data;
  const base = urls.document(county.slug, council.slug, document.id);
  const [newest, ...older] = versions;
  const decision = choices.decisions.find((d) => d.id === document.decisionId);
  const meeting = choices.meetings.find((m) => m.id === document.meetingId);
  const body = choices.bodies.find((b) => b.id === document.bodyId);
  const editForm: FormState = {
    values: { ...documentValues(document), ...form.values },
    errors: form.errors,
  };
  const editFields = ['kind', 'title', 'description', 'public', 'bodyId', 'decisionId', 'meetingId'];
  return (
    <CouncilRoom
      ctx={ctx}
      county={county}
      council={council}
      part="documents"
      title={document.title}
      trail={[{ href: base, label: document.title }]}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        <Tag
          text={documentStatusLabels[document.status]}
          colour={document.status === 'current' ? 'green' : 'grey'}
        />
      </p>
      <SummaryList
        rows={[
          { key: 'Sorts dokument', value: documentKindLabels[document.kind] },
          {
            key: 'Synlighet',
            value: document.public ? 'Offentligt' : `Internt för ${body?.name ?? 'länets administratörer'}`,
          },
          ...(document.description ? [{ key: 'Beskrivning', value: document.description }] : []),
          ...(decision ? [{ key: 'Beslut', value: `${decision.number} ${decision.title}` }] : []),
          ...(meeting ? [{ key: 'Handling till möte', value: meeting.title }] : []),
        ]}
      />
      {decision ? (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.decision(county.slug, council.slug, decision.id)} safe>
            {`Till beslut ${decision.number}`}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Senaste version</h2>
      {newest ? (
        <p class="govuk-body">
          <FileLink version={newest} text={`Version ${newest.version}: ${newest.file.originalName}`} />
          <br />
          <span class="govuk-hint" safe>
            {`Uppladdad ${formatDate(newest.createdAt)}${newest.note ? `. ${newest.note}` : ''}`}
          </span>
        </p>
      ) : (
        <p class="govuk-body">Ingen fil.</p>
      )}
      {older.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Tidigare versioner</h2>
          <ul class="govuk-list">
            {older.map((v) => (
              <li>
                <FileLink version={v} text={`Version ${v.version}: ${v.file.originalName}`} />{' '}
                <span class="govuk-hint govuk-!-display-inline" safe>
                  {`uppladdad ${formatDate(v.createdAt)}${v.note ? `. ${v.note}` : ''}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {changing.allowed ? (
        <>
          <Details summary="Ladda upp en ny version" open={'file' in form.errors || 'note' in form.errors}>
            <PostForm action={`${base}/version`} csrfToken={ctx.csrfToken} uploads>
              <DocumentFileField form={form} label="Ny version" />
              <TextInput
                name="note"
                label="Vad är ändrat? (frivilligt)"
                form={form}
                maxLength={DOCUMENT_LIMITS.note}
              />
              <Button>Ladda upp versionen</Button>
            </PostForm>
          </Details>
          <Details summary="Ändra uppgifterna" open={editFields.some((f) => f in form.errors)}>
            <PostForm action={base} csrfToken={ctx.csrfToken}>
              <DocumentFields form={editForm} choices={choices} />
              <Button>Spara ändringarna</Button>
            </PostForm>
          </Details>
          <Details summary="Dra tillbaka dokumentet">
            <PostForm action={`${base}/dra-tillbaka`} csrfToken={ctx.csrfToken}>
              <p class="govuk-body">
                Dokumentet finns kvar i historiken men får inga nya versioner och visas inte längre på den
                publika sidan.
              </p>
              <Button variant="warning">Dra tillbaka dokumentet</Button>
            </PostForm>
          </Details>
        </>
      ) : (
        <Refusal decision={changing} />
      )}
    </CouncilRoom>
  );
}
