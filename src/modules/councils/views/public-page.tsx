import { formatDate } from '../../../platform/i18n.ts';
import { safeMarkdown } from '../../../platform/markdown.ts';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { bodyKindLabels, documentKindLabels } from '../labels.ts';
import { FileLink } from './documents/list.tsx';
import type { TreeNode } from '../lifecycle.ts';
import type { BodyRow } from '../repository.ts';
import type { PublicCouncil } from '../service.ts';

const dateOf = (isoDate: string) => formatDate(new Date(`${isoDate}T12:00:00Z`));

/** A council's public page (seed 001's manner): purpose, vision, members, structure, history and contact. */
export function CouncilPublicPage({
  ctx,
  county,
  page,
}: {
  ctx: PageContext;
  county: Pick<CountyRecord, 'name' | 'slug'>;
  page: PublicCouncil;
}): JSX.Element {
  const { council, members, tree, mergedFrom, successor } = page;
  const current = members.filter((m) => m.leftOn === null);
  return (
    <Layout ctx={ctx} title={council.name} caption={county.name}>
      {council.status !== 'active' ? (
        <div class="govuk-inset-text" role="note">
          {council.status === 'merged' && successor ? (
            <>
              <span safe>{`Rådet gick ${dateOf(council.endedOn ?? council.formedOn)} upp i `}</span>
              <a class="govuk-link" href={`/${county.slug}/rad/${successor.slug}`} safe>
                {successor.name}
              </a>
              .
            </>
          ) : (
            <span safe>{`Rådet upplöstes ${dateOf(council.endedOn ?? council.formedOn)}.`}</span>
          )}
        </div>
      ) : (
        ''
      )}
      {council.purpose ? <div class="sv-prose">{safeMarkdown(council.purpose)}</div> : ''}
      {council.vision ? (
        <section aria-labelledby="vision">
          <h2 class="govuk-heading-m" id="vision">
            Vision
          </h2>
          <div class="sv-prose">{safeMarkdown(council.vision)}</div>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="members">
        <h2 class="govuk-heading-m" id="members">
          Medlemmar
        </h2>
        <ul class="govuk-list govuk-list--bullet">
          {current.map((m) => (
            <li safe>{m.convenes ? `${m.name} (sammankallande)` : m.name}</li>
          ))}
        </ul>
      </section>
      {tree.length > 0 ? (
        <section aria-labelledby="structure">
          <h2 class="govuk-heading-m" id="structure">
            Struktur för samverkan
          </h2>
          <BodyList bodies={tree} />
        </section>
      ) : (
        ''
      )}
      {page.documents.length > 0 ? (
        <section aria-labelledby="documents">
          <h2 class="govuk-heading-m" id="documents">
            Dokument
          </h2>
          <ul class="govuk-list">
            {page.documents.map((d) => (
              <li>
                <FileLink version={d.newest} text={d.title} />
                <br />
                <span class="govuk-hint" safe>
                  {`${documentKindLabels[d.kind]}, ${formatDate(d.newest.createdAt)}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="history">
        <h2 class="govuk-heading-m" id="history">
          Historik
        </h2>
        <p class="govuk-body" safe>
          {mergedFrom.length > 0
            ? `Rådet bildades ${dateOf(council.formedOn)} när ${listOf(mergedFrom.map((c) => c.name))} slogs samman.`
            : `Rådet bildades ${dateOf(council.formedOn)}.`}
        </p>
      </section>
      {council.secretariatEmail && council.status === 'active' ? (
        <section aria-labelledby="contact">
          <h2 class="govuk-heading-m" id="contact">
            Kontakta rådets kansli
          </h2>
          <p class="govuk-body">
            <a class="govuk-link" href={`mailto:${council.secretariatEmail}`} safe>
              {council.secretariatEmail}
            </a>
          </p>
          {council.subjectTag ? (
            <p class="govuk-body" safe>{`Märk mejlet med ”${council.subjectTag}”.`}</p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The bodies as nested lists, each with its kind and commission: a tree a screen reader reads as one. */
function BodyList({ bodies }: { bodies: Array<TreeNode<BodyRow>> }): JSX.Element {
  return (
    <ul class="govuk-list sv-tree">
      {bodies.map((b) => (
        <li>
          <p class="govuk-body govuk-!-margin-bottom-1">
            <strong safe>{b.name}</strong>
            {b.kind !== 'council' && !b.name.toLowerCase().includes(bodyKindLabels[b.kind].toLowerCase()) ? (
              <span safe>{` (${bodyKindLabels[b.kind].toLowerCase()})`}</span>
            ) : (
              ''
            )}
          </p>
          {b.commission ? (
            <p class="govuk-body-s" safe>
              {b.commission}
            </p>
          ) : (
            ''
          )}
          {b.children.length > 0 ? <BodyList bodies={b.children} /> : ''}
        </li>
      ))}
    </ul>
  );
}

function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
}
