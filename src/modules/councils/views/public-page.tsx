import { formatDate } from '../../../platform/i18n.ts';
import { safeMarkdown } from '../../../platform/markdown.ts';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import type { PageContext } from '../../../ui/context.ts';
import { emptyForm, ErrorSummary, type FormState } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { bodyKindLabels, dayText as dateOf, documentKindLabels } from '../labels.ts';
import { FileLink } from './documents/list.tsx';
import type { TreeNode } from '../lifecycle.ts';
import type { BodyRow } from '../repository.ts';
import type { PrioritiesOf } from '../priorities-repository.ts';
import type { PublicCouncil } from '../service.ts';
import { agendaTargetText } from '../targets.ts';
import { ContactSection } from './contact-form.tsx';
import { MemberLogo } from './manage/parts.tsx';

/** A council's public page (seed 001's manner): purpose, vision, members, structure, history and contact. */
export function CouncilPublicPage({
  ctx,
  county,
  page,
  form = emptyForm(),
}: {
  ctx: PageContext;
  county: Pick<CountyRecord, 'name' | 'slug'>;
  page: PublicCouncil;
  /** the contact form as it was posted, when it comes back with its problems */
  form?: FormState;
}): JSX.Element {
  const { council, members, tree, mergedFrom, successor } = page;
  const current = members.filter((m) => m.leftOn === null);
  return (
    <Layout ctx={ctx} title={council.name} caption={county.name}>
      <ErrorSummary errors={form.errors} />
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
        <ul class="govuk-list sv-members">
          {current.map((m) => (
            <li>
              {m.logo ? <MemberLogo logo={m.logo} organisation={m.name} /> : ''}
              <span safe>{m.convenes ? `${m.name} (sammankallande)` : m.name}</span>
            </li>
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
      {page.priorities.length > 0 ? <PrioritiesSection priorities={page.priorities} /> : ''}
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
      <ContactSection council={council} countySlug={county.slug} csrfToken={ctx.csrfToken} form={form} />
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

/**
 * The collaboration areas the council has decided, each with its intervention areas (purpose, target group)
 * and the interventions the council shows as examples (seed 001's "Exempel på insatser").
 */
function PrioritiesSection({ priorities }: { priorities: PrioritiesOf }): JSX.Element {
  return (
    <section aria-labelledby="priorities">
      <h2 class="govuk-heading-m" id="priorities">
        Samverkansområden och prioriterade insatser
      </h2>
      {priorities.map(({ priority, areas }) => (
        <section aria-labelledby={`priority-${priority.id}`}>
          <h3 class="govuk-heading-s" id={`priority-${priority.id}`} safe>
            {priority.name}
          </h3>
          {priority.description ? <div class="sv-prose">{safeMarkdown(priority.description)}</div> : ''}
          {priority.agendaTargets.length > 0 ? (
            <p class="govuk-body-s" safe>
              {`Agenda 2030: ${priority.agendaTargets.map(agendaTargetText).join(', ')}`}
            </p>
          ) : (
            ''
          )}
          {priority.validUntil ? (
            <p class="govuk-body-s" safe>{`Beslutet gäller till ${dateOf(priority.validUntil)}.`}</p>
          ) : (
            <p class="govuk-body-s">Beslutet gäller fram till att annat beslut tas.</p>
          )}
          {areas.length > 0 ? (
            <>
              <h4 class="govuk-heading-s">Insatsområden</h4>
              <ul class="govuk-list govuk-list--bullet">
                {areas.map(({ area, interventions }) => (
                  <li>
                    <strong safe>{area.name}</strong>
                    {area.purpose ? (
                      <p class="govuk-body" safe>
                        {area.purpose}
                      </p>
                    ) : (
                      ''
                    )}
                    {area.targetGroup ? <p class="govuk-body" safe>{`Målgrupp: ${area.targetGroup}`}</p> : ''}
                    {interventions.length > 0 ? (
                      <>
                        <p class="govuk-body govuk-!-margin-bottom-1">
                          {interventions.length === 1 ? 'Exempel på insats:' : 'Exempel på insatser:'}
                        </p>
                        <ul class="govuk-list">
                          {interventions.map((i) => (
                            <li>
                              <strong safe>{i.name}</strong>
                              {i.description ? <div class="sv-prose">{safeMarkdown(i.description)}</div> : ''}
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      ''
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </section>
      ))}
    </section>
  );
}
