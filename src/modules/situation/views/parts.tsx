import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { changeLabels, levelText, NOT_ANSWERED, responseStatusText } from '../labels.ts';
import type { AreaDistribution, AreaRef, Completeness, Level, RiskRow } from '../picture.ts';
import type { ResponseStatus } from '../tables.ts';

const statusColours: Record<ResponseStatus | 'none', string> = {
  none: 'grey',
  draft: 'blue',
  submitted: 'turquoise',
  returned: 'orange',
  approved: 'green',
};

/** A response's status in its one wording (labels.ts), with a colour that is never the only carrier. */
export function StatusTag({ status }: { status: ResponseStatus | 'none' }): JSX.Element {
  return (
    <strong class={`govuk-tag govuk-tag--${statusColours[status]}`} safe>
      {responseStatusText(status)}
    </strong>
  );
}

const levelColours: Record<string, string> = {
  '1': 'green',
  '2': 'turquoise',
  '3': 'yellow',
  '4': 'orange',
  '5': 'red',
  unknown: 'grey',
};

export { levelText };

/** A risk level as colour and text: the colour is never the only carrier of meaning. */
export function LevelTag({ level }: { level: Level }): JSX.Element {
  if (level === null) {
    return <span class="govuk-body-s sv-muted">{NOT_ANSWERED}</span>;
  }
  return (
    <strong class={`govuk-tag govuk-tag--${levelColours[level] ?? 'grey'} sv-level`} safe>
      {levelText(level)}
    </strong>
  );
}

export function CompletenessList({ c, deadlineAt }: { c: Completeness; deadlineAt: Date }): JSX.Element {
  return (
    <dl class="govuk-summary-list sv-completeness">
      {[
        ['Förväntade svar', String(c.expected)],
        ['Inkomna', String(c.received)],
        ['I tid', String(c.onTime)],
        ['Godkända', String(c.approved)],
        ['Sista svarsdag', `${formatDate(deadlineAt)} kl. 23.59`],
      ].map(([k, v]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key" safe>
            {k}
          </dt>
          <dd class="govuk-summary-list__value" safe>
            {v}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Risk level per area × respondent (municipality or county), as text and colour. */
export function RiskTable({
  caption,
  areas,
  rows,
  firstHeader,
  links = {},
}: {
  caption: string;
  areas: AreaRef[];
  rows: RiskRow[];
  firstHeader: string;
  /** a row's id → where its name leads (e.g. a county's regional picture) */
  links?: Record<string, string>;
}): JSX.Element {
  return (
    <div class="sv-table-scroll" tabindex="0" role="region" aria-label={caption}>
      <table class="govuk-table sv-risk-table">
        <caption class="govuk-table__caption govuk-table__caption--m" safe>
          {caption}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header" safe>
              {firstHeader}
            </th>
            {areas.map((a) => (
              <th scope="col" class="govuk-table__header" safe>
                {a.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {rows.map((r) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                {links[r.id] ? (
                  <a class="govuk-link" href={links[r.id]} safe>
                    {r.name}
                  </a>
                ) : (
                  <span safe>{r.name}</span>
                )}
              </th>
              {areas.map((a) => (
                <td class="govuk-table__cell">
                  <LevelTag level={r.levels[a.key] ?? null} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const fmt = (n: number | null): string =>
  n === null ? '–' : n.toLocaleString('sv-SE', { maximumFractionDigits: 2 });

/** The distribution table's id, for the area's chart to link to. */
export const distributionTableId = (area: AreaRef): string => `fordelning-${area.key}`;

export function DistributionTable({
  area,
  d,
  previousLabel,
}: {
  area: AreaRef;
  d: AreaDistribution;
  previousLabel: string | null;
}): JSX.Element {
  const keys = ['1', '2', '3', '4', '5', 'unknown', 'missing'];
  return (
    <table class="govuk-table" id={distributionTableId(area)}>
      <caption class="govuk-table__caption govuk-table__caption--s" safe>
        {`Fördelning: ${area.label}`}
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Bedömning
          </th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">
            Antal
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {keys.map((k) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header" safe>
              {levelText(k)}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric" safe>
              {String(d.counts[k] ?? 0)}
            </td>
          </tr>
        ))}
        <tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">
            Medelvärde (1–5)
          </th>
          <td class="govuk-table__cell govuk-table__cell--numeric" safe>
            {previousLabel ? `${fmt(d.previousMean)} → ${fmt(d.mean)}` : fmt(d.mean)}
          </td>
        </tr>
        {previousLabel ? (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header" safe>
              {`Förändring sedan ${previousLabel.toLowerCase()}`}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric" safe>
              {(['increased', 'unchanged', 'decreased'] as const)
                .map((c) => `${d.change[c]} ${changeLabels[c].toLowerCase()}`)
                .join(', ')}
            </td>
          </tr>
        ) : (
          ''
        )}
      </tbody>
    </table>
  );
}

export const when = (d: Date | null | undefined): string => (d ? formatDateTime(d) : '–');
