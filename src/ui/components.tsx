import type { Children } from '@kitajs/html';
import type { FieldErrors } from '../platform/errors.ts';
import type { FormState } from '../platform/validation.ts';

export { emptyForm, type FormState } from '../platform/validation.ts';

export function CsrfField({ token }: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface FieldLink {
  field: string;
  label: string;
}

/** The GOV.UK error summary: shown first on a failed POST, each message linking to its field. */
export function ErrorSummary({
  errors,
  title = 'Det finns ett problem',
}: {
  errors: FieldErrors;
  title?: string;
}): JSX.Element {
  const entries = Object.entries(errors);
  if (entries.length === 0) return <></>;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1">
      <div role="alert">
        <h2 class="govuk-error-summary__title" safe>
          {title}
        </h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li>
                <a href={`#${field === '_form' ? 'main-content' : field}`} safe>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

interface InputProps {
  name: string;
  label: string;
  form: FormState;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'tel' | 'url';
  hint?: string;
  autocomplete?: string;
  width?: 'govuk-input--width-10' | 'govuk-input--width-20' | 'govuk-input--width-30' | '';
  labelSize?: 's' | 'm' | 'l';
  spellcheck?: boolean;
  required?: boolean;
}

export function TextInput(p: InputProps): JSX.Element {
  const error = p.form.errors[p.name];
  const hintId = `${p.name}-hint`;
  const errorId = `${p.name}-error`;
  const describedBy = [p.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const keep = p.type !== 'password';
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class={`govuk-label${p.labelSize ? ` govuk-label--${p.labelSize}` : ''}`} for={p.name} safe>
        {p.label}
      </label>
      {p.hint ? (
        <div id={hintId} class="govuk-hint" safe>
          {p.hint}
        </div>
      ) : (
        ''
      )}
      {error ? (
        <p id={errorId} class="govuk-error-message">
          <span class="govuk-visually-hidden">Fel:</span> <span safe>{error}</span>
        </p>
      ) : (
        ''
      )}
      <input
        class={`govuk-input ${p.width ?? ''}${error ? ' govuk-input--error' : ''}`}
        id={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        value={keep ? (p.form.values[p.name] ?? '') : undefined}
        autocomplete={p.autocomplete}
        aria-describedby={describedBy || undefined}
        spellcheck={p.spellcheck === false ? 'false' : undefined}
        required={p.required}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(p: {
  name: string;
  label: string;
  form: FormState;
  options: Option[];
  hint?: string;
  placeholder?: string;
}): JSX.Element {
  const error = p.form.errors[p.name];
  const selected = p.form.values[p.name] ?? '';
  const describedBy = [p.hint ? `${p.name}-hint` : '', error ? `${p.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={p.name} safe>
        {p.label}
      </label>
      {p.hint ? (
        <div id={`${p.name}-hint`} class="govuk-hint" safe>
          {p.hint}
        </div>
      ) : (
        ''
      )}
      {error ? (
        <p id={`${p.name}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Fel:</span> <span safe>{error}</span>
        </p>
      ) : (
        ''
      )}
      <select
        class={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={p.name}
        name={p.name}
        aria-describedby={describedBy || undefined}
      >
        {p.placeholder !== undefined ? (
          <option value="" safe>
            {p.placeholder}
          </option>
        ) : (
          ''
        )}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === selected} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Button({
  children,
  variant,
  name,
  value,
}: {
  children: Children;
  variant?: 'secondary' | 'warning';
  name?: string;
  value?: string;
}): JSX.Element {
  return (
    <button
      type="submit"
      class={`govuk-button${variant ? ` govuk-button--${variant}` : ''}`}
      data-module="govuk-button"
      data-prevent-double-click="true"
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}

/** A POST form with its CSRF token. Every state-changing form in the product is one of these. */
export function PostForm({
  action,
  csrfToken,
  children,
  className,
}: {
  action: string;
  csrfToken: string;
  children: Children;
  className?: string;
}): JSX.Element {
  return (
    <form method="post" action={action} novalidate class={className}>
      <CsrfField token={csrfToken} />
      {children}
    </form>
  );
}

export interface TableColumn<T> {
  header: string;
  cell: (row: T) => JSX.Element;
  numeric?: boolean;
}

export function Table<T>({
  caption,
  columns,
  rows,
  empty = 'Inga rader att visa.',
}: {
  caption: string;
  columns: TableColumn<T>[];
  rows: T[];
  empty?: string;
}): JSX.Element {
  if (rows.length === 0) {
    return (
      <p class="govuk-body" safe>
        {empty}
      </p>
    );
  }
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m" safe>
        {caption}
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {columns.map((c) => (
            <th
              scope="col"
              class={`govuk-table__header${c.numeric ? ' govuk-table__header--numeric' : ''}`}
              safe
            >
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((r) => (
          <tr class="govuk-table__row">
            {columns.map((c) => (
              <td class={`govuk-table__cell${c.numeric ? ' govuk-table__cell--numeric' : ''}`}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SummaryList({ rows }: { rows: Array<{ key: string; value: string }> }): JSX.Element {
  return (
    <dl class="govuk-summary-list">
      {rows.map((r) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key" safe>
            {r.key}
          </dt>
          <dd class="govuk-summary-list__value" safe>
            {r.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Text({ children }: { children: string }): JSX.Element {
  return (
    <p class="govuk-body" safe>
      {children}
    </p>
  );
}
