import { Html } from '@kitajs/html';
import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import type { PageContext } from '../../../ui/context.ts';
import { Button, PostForm, Table, Tag } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { RoundAbilities } from '../policy.ts';
import type { Occasion, Round, RoundHistoryEntry } from '../repository.ts';
import { urls, type RoundChange } from '../urls.ts';

type CountyRef = { slug: string } | null;

/** A round's state in words: cancelled, closed early, a test round (nothing: it runs as planned). */
export function RoundStateTags({ round }: { round: Round }): JSX.Element {
  return (
    <>
      {round.cancelledAt ? <Tag text={`Inställd ${formatDate(round.cancelledAt)}`} colour="red" /> : ''}
      {round.closedAt ? <Tag text={`Avslutad i förtid ${formatDate(round.closedAt)}`} colour="orange" /> : ''}
      {round.isTest ? <Tag text="Testomgång" colour="purple" /> : ''}
    </>
  );
}

/** The owner's changes of a round, offered as its rules allow; why it cannot be cancelled, when it cannot. */
export function RoundActions({
  county,
  round,
  abilities,
}: {
  county: CountyRef;
  round: Round;
  abilities: RoundAbilities;
}): JSX.Element {
  const links: Array<[RoundChange, string, boolean]> = [
    ['andra', 'Ändra omgången (rubrik, texter, datum, fler tillfällen)', abilities.canEdit],
    ['avsluta', 'Avsluta omgången i förtid', abilities.canClose],
    ['stall-in', 'Ställ in omgången', abilities.canCancel],
    ['ta-bort', 'Ta bort testomgången', abilities.canRemove],
  ];
  const shown = links.filter(([, , allowed]) => allowed);
  if (shown.length === 0 && !abilities.cancelRefusal) return <></>;
  return (
    <nav aria-label="Ändra omgången" class="govuk-!-margin-bottom-6">
      <ul class="govuk-list">
        {shown.map(([change, label]) => (
          <li>
            <a class="govuk-link" href={urls.roundChange(county, round, change)} safe>
              {label}
            </a>
          </li>
        ))}
      </ul>
      {abilities.cancelRefusal && !round.cancelledAt ? (
        <p class="govuk-body-s" safe>{`Omgången kan inte ställas in: ${abilities.cancelRefusal}`}</p>
      ) : (
        ''
      )}
    </nav>
  );
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const dateChanges = (before: Record<string, unknown>, after: Record<string, unknown>): string[] => {
  const parts: Array<[string, string]> = [
    ['label', 'benämning'],
    ['opens', 'öppnar'],
    ['deadline', 'sista svarsdag'],
    ['locks', 'låses'],
    ['reminderDays', 'påminnelse (dagar före)'],
  ];
  return parts
    .filter(([k]) => before[k] !== undefined && text(before[k]) !== text(after[k]))
    .map(([k, label]) => `${label} ${text(before[k])} → ${text(after[k])}`);
};

/** One history row in Swedish: what was done to the round. */
export function describeRoundChange(entry: RoundHistoryEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  switch (entry.action) {
    case 'round.opened':
      return 'öppnade omgången';
    case 'round.edited':
      return before.title !== after.title
        ? `ändrade rubriken från ”${String(before.title)}” till ”${String(after.title)}”${before.topic !== after.topic ? ' och ämnet' : ''}`
        : 'ändrade ämne och syfte';
    case 'round.occasion_changed': {
      const changed = dateChanges({ ...before, label: before.occasion }, { ...after, label: after.occasion });
      return `ändrade ${String(before.occasion)}: ${changed.join(', ')}`;
    }
    case 'round.occasion_added':
      return `lade till tillfället ${String(after.occasion)} (sista svarsdag ${String(after.deadline)})`;
    case 'round.closed':
      return 'avslutade omgången i förtid';
    case 'round.cancelled':
      return 'ställde in omgången';
    case 'round.respondents_changed': {
      const was = new Set((before.organisationIds as string[] | undefined) ?? []);
      const now = new Set((after.organisationIds as string[] | undefined) ?? []);
      const added = [...now].filter((id) => !was.has(id)).length;
      const removed = [...was].filter((id) => !now.has(id)).length;
      return `ändrade de svarande (${added} tillagda, ${removed} borttagna)`;
    }
    default:
      return entry.action;
  }
}

/** The round's changes, newest first. */
export function RoundHistory({ entries }: { entries: RoundHistoryEntry[] }): JSX.Element {
  if (entries.length === 0)
    return (
      <>
        <h2 class="govuk-heading-m">Omgångens historik</h2>
        <p class="govuk-body">Inga ändringar är registrerade.</p>
      </>
    );
  return (
    <Table
      caption="Omgångens historik"
      captionSize="m"
      rows={entries}
      columns={[
        { header: 'När', cell: (e) => <span safe>{formatDateTime(e.occurredAt)}</span> },
        { header: 'Vem', cell: (e) => <span safe>{e.actorName ?? 'Systemet'}</span> },
        { header: 'Ändring', cell: (e) => <span safe>{describeRoundChange(e)}</span> },
      ]}
    />
  );
}

/** Before a round is closed early, cancelled or removed: what it means, and the button (or why not). */
export function RoundConfirmPage({
  ctx,
  caption,
  title,
  round,
  explanation,
  button,
  action,
  back,
  refusal,
}: {
  ctx: PageContext;
  caption: string;
  title: string;
  round: Round;
  explanation: string[];
  button: string;
  action: string;
  back: { href: string; label: string };
  /** why it cannot be done now (no button then) */
  refusal: string | undefined;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={title} caption={caption} breadcrumbs={[back]}>
      <p class="govuk-body-l" safe>
        {round.title}
      </p>
      {refusal ? (
        <div class="govuk-inset-text" safe>
          {refusal}
        </div>
      ) : (
        <>
          {explanation.map((p) => (
            <p class="govuk-body" safe>
              {p}
            </p>
          ))}
          <PostForm action={action} csrfToken={ctx.csrfToken}>
            <div class="govuk-button-group">
              <Button variant="warning">{Html.escapeHtml(button)}</Button>
              <a class="govuk-link" href={back.href}>
                Avbryt
              </a>
            </div>
          </PostForm>
        </>
      )}
      {refusal ? (
        <p class="govuk-body">
          <a class="govuk-link" href={back.href} safe>
            {`Tillbaka till ${back.label}`}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** Before respondents are removed: who, what it means, and the same choice posted again with a confirmation. */
export function ConfirmRespondentsPage({
  ctx,
  caption,
  round,
  removed,
  organisationIds,
  action,
  back,
}: {
  ctx: PageContext;
  caption: string;
  round: Round;
  removed: Array<{ name: string }>;
  organisationIds: string[];
  action: string;
  back: { href: string; label: string };
}): JSX.Element {
  const many = removed.length > 1;
  return (
    <Layout
      ctx={ctx}
      title={many ? `Ta bort ${removed.length} svarande?` : 'Ta bort en svarande?'}
      caption={caption}
      breadcrumbs={[back]}
    >
      <p class="govuk-body" safe>
        {`${many ? 'De här organisationerna' : 'Den här organisationen'} ska inte längre svara i ${round.title}:`}
      </p>
      <ul class="govuk-list govuk-list--bullet">
        {removed.map((r) => (
          <li safe>{r.name}</li>
        ))}
      </ul>
      <p class="govuk-body">
        Uppdraget försvinner från deras startsida. Ni kan lägga till dem igen senare, så länge länets
        lägesbild inte är inskickad.
      </p>
      <PostForm action={action} csrfToken={ctx.csrfToken}>
        {organisationIds.map((id) => (
          <input type="hidden" name="organisationIds" value={id} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        <div class="govuk-button-group">
          <Button variant="warning">
            {many ? `Ta bort ${removed.length} svarande` : 'Ta bort svarande'}
          </Button>
          <a class="govuk-link" href={back.href}>
            {many ? 'Avbryt, behåll dem' : 'Avbryt, behåll den'}
          </a>
        </div>
      </PostForm>
    </Layout>
  );
}

/** A national round on the coordinator's pages: its occasions, the changes the coordinator may make, its history. */
export function NationalRoundPage({
  ctx,
  round,
  occasions,
  abilities,
  history,
}: {
  ctx: PageContext;
  round: Round;
  occasions: Occasion[];
  abilities: RoundAbilities;
  history: RoundHistoryEntry[];
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={round.title}
      caption="Nationell omgång"
      breadcrumbs={[{ href: urls.nationalRounds(), label: 'Nationell lägesbild' }]}
    >
      <p class="govuk-body">
        <RoundStateTags round={round} />
      </p>
      <p class="govuk-body" safe>
        {round.topic}
      </p>
      <RoundActions county={null} round={round} abilities={abilities} />
      <Table
        caption="Rapporteringstillfällen"
        captionSize="m"
        rows={occasions}
        rowHeader={0}
        columns={[
          {
            header: 'Tillfälle',
            cell: (o) => (
              <a class="govuk-link" href={urls.national(round, o)} safe>
                {o.label}
              </a>
            ),
          },
          { header: 'Öppnar', cell: (o) => <span safe>{formatDate(o.opensAt)}</span> },
          { header: 'Sista svarsdag', cell: (o) => <span safe>{formatDate(o.deadlineAt)}</span> },
          { header: 'Låses', cell: (o) => <span safe>{formatDate(o.locksAt)}</span> },
        ]}
      />
      <RoundHistory entries={history} />
    </Layout>
  );
}
