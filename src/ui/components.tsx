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
  hrefOf = (field) => `#${field === '_form' ? 'main-content' : field}`,
}: {
  errors: FieldErrors;
  title?: string;
  /** where a message links (default: the field on this page; a field on another page can be named) */
  hrefOf?: (field: string) => string;
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
                <a href={hrefOf(field)} safe>
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

// ---- Form fields ---------------------------------------------------------------------------------
//
// Each field shows its label, hint and error and keeps the posted value. On a page with many forms
// (the questionnaire builder), `idPrefix` gives one form's fields their own ids (`prefix-name`) while the
// posted names stay plain; the error summary links to the same ids (see scopedErrors).

interface FieldProps {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  /** the form's own prefix for ids, on a page of many forms */
  idPrefix?: string;
}

/** The id of a field: its name, or `prefix-name` within a form that has its own ids. */
export const fieldId = (name: string, idPrefix?: string): string => (idPrefix ? `${idPrefix}-${name}` : name);

/** A form's errors keyed by its fields' ids, for the error summary of a page of many forms. */
export function scopedErrors(errors: FieldErrors, idPrefix: string | undefined): FieldErrors {
  if (!idPrefix) return errors;
  return Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [k === '_form' ? k : fieldId(k, idPrefix), v]),
  );
}

function describedBy(
  id: string,
  hint: string | undefined,
  error: string | undefined,
  maxLength?: number,
): string | undefined {
  return (
    [hint ? `${id}-hint` : '', error ? `${id}-error` : '', maxLength ? `${id}-info` : '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }): JSX.Element {
  if (!message) return <></>;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Fel:</span> <span safe>{message}</span>
    </p>
  );
}

/**
 * GOV.UK's character count, in Swedish: put `characterCount(max)` on the field's form group, the class
 * `govuk-js-character-count` on its textarea, and `CharacterCountInfo` after it. The limit is shown and
 * counted down as one types; nothing is ever cut (the server flags a longer text instead).
 */
export const characterCount = (max: number) => ({
  'data-module': 'govuk-character-count',
  'data-maxlength': String(max),
  'data-i18n.characters-under-limit.one': 'Du har %{count} tecken kvar',
  'data-i18n.characters-under-limit.other': 'Du har %{count} tecken kvar',
  'data-i18n.characters-at-limit': 'Du har 0 tecken kvar',
  'data-i18n.characters-over-limit.one': 'Du har %{count} tecken för mycket',
  'data-i18n.characters-over-limit.other': 'Du har %{count} tecken för mycket',
  'data-i18n.textarea-description.other': 'Du kan skriva upp till %{count} tecken',
});

export function CharacterCountInfo({ id, max }: { id: string; max: number }): JSX.Element {
  return (
    <div id={`${id}-info`} class="govuk-hint govuk-character-count__message" safe>
      {`Du kan skriva upp till ${max.toLocaleString('sv-SE')} tecken`}
    </div>
  );
}

export function Hint({ id, text }: { id: string; text: string | undefined }): JSX.Element {
  if (!text) return <></>;
  return (
    <div id={`${id}-hint`} class="govuk-hint" safe>
      {text}
    </div>
  );
}

/** The form group around one labelled field: label, hint, error, then the control. */
function FieldGroup(p: {
  id: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  labelSize?: 's' | 'm' | 'l';
  /** a text's limit: GOV.UK's character count on the group (a textarea) */
  characterCount?: number;
  children: Children;
}): JSX.Element {
  return (
    <div
      class={`govuk-form-group${p.error ? ' govuk-form-group--error' : ''}${p.characterCount ? ' govuk-character-count' : ''}`}
      {...(p.characterCount ? characterCount(p.characterCount) : {})}
    >
      <label class={`govuk-label${p.labelSize ? ` govuk-label--${p.labelSize}` : ''}`} for={p.id} safe>
        {p.label}
      </label>
      <Hint id={p.id} text={p.hint} />
      <ErrorMessage id={p.id} message={p.error} />
      {p.children}
    </div>
  );
}

interface InputProps extends FieldProps {
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'tel' | 'url';
  autocomplete?: string;
  width?:
    'govuk-input--width-4' | 'govuk-input--width-10' | 'govuk-input--width-20' | 'govuk-input--width-30' | '';
  labelSize?: 's' | 'm' | 'l';
  spellcheck?: boolean;
  required?: boolean;
  /** the field's limit, shown under it (the schema holds the same one); the input is never cut */
  maxLength?: number;
  /** the page opens with the focus here (a form row just added without JavaScript) */
  autofocus?: boolean;
}

export function TextInput(p: InputProps): JSX.Element {
  const id = fieldId(p.name, p.idPrefix);
  const error = p.form.errors[p.name];
  const keep = p.type !== 'password';
  return (
    <FieldGroup id={id} label={p.label} hint={p.hint} error={error} labelSize={p.labelSize}>
      <input
        class={`govuk-input ${p.width ?? ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={keep ? (p.form.values[p.name] ?? '') : undefined}
        autocomplete={p.autocomplete}
        aria-describedby={describedBy(id, p.hint, error, p.maxLength)}
        spellcheck={p.spellcheck === false ? 'false' : undefined}
        required={p.required}
        autofocus={p.autofocus}
      />
      {p.maxLength ? <CharacterCountInfo id={id} max={p.maxLength} /> : ''}
    </FieldGroup>
  );
}

/**
 * A file field (GOV.UK's file upload). `accept` only helps the browser's picker; what is taken is decided by
 * the file's bytes on the server. Its form must be sent as multipart (`PostForm` with `uploads`), and the route
 * must declare that it takes uploads. A browser cannot be given the file again: a page shown again after an
 * error says which file is kept instead (the platform keeps it for the uploader).
 */
export function FileUpload(p: FieldProps & { accept?: string }): JSX.Element {
  const id = fieldId(p.name, p.idPrefix);
  const error = p.form.errors[p.name];
  return (
    <FieldGroup id={id} label={p.label} hint={p.hint} error={error}>
      <input
        class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        aria-describedby={describedBy(id, p.hint, error)}
      />
    </FieldGroup>
  );
}

/** A textarea; with `maxLength`, GOV.UK's character count shows the limit and counts down as one types. */
export function TextArea(p: FieldProps & { rows?: number; maxLength?: number }): JSX.Element {
  const id = fieldId(p.name, p.idPrefix);
  const error = p.form.errors[p.name];
  return (
    <FieldGroup id={id} label={p.label} hint={p.hint} error={error} characterCount={p.maxLength}>
      <textarea
        class={`govuk-textarea${p.maxLength ? ' govuk-js-character-count' : ''}${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={p.name}
        rows={String(p.rows ?? 3)}
        aria-describedby={describedBy(id, p.hint, error, p.maxLength)}
        safe
      >
        {p.form.values[p.name] ?? ''}
      </textarea>
      {p.maxLength ? <CharacterCountInfo id={id} max={p.maxLength} /> : ''}
    </FieldGroup>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(
  p: FieldProps & {
    options: Option[];
    placeholder?: string;
    /** options in labelled groups (optgroup), after `options` */
    groups?: Array<{ label: string; options: Option[] }>;
  },
): JSX.Element {
  const id = fieldId(p.name, p.idPrefix);
  const error = p.form.errors[p.name];
  const selected = p.form.values[p.name] ?? '';
  return (
    <FieldGroup id={id} label={p.label} hint={p.hint} error={error}>
      <select
        class={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={p.name}
        aria-describedby={describedBy(id, p.hint, error)}
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
        {(p.groups ?? []).map((g) => (
          <optgroup label={g.label}>
            {g.options.map((o) => (
              <option value={o.value} selected={o.value === selected} safe>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldGroup>
  );
}

/**
 * Radios (one answer) or checkboxes (several answers) in a fieldset whose legend is the label. The group
 * carries the field's id (the error summary links to it), each option `id-0`, `id-1`, …; the posted value of
 * several answers is kept comma-separated in the form state.
 */
export function Choices(
  p: FieldProps & {
    options: Option[];
    multiple?: boolean;
    disabled?: boolean;
    /** extra attributes on the group (data attributes for a small script) */
    attrs?: Record<string, string | undefined>;
  },
): JSX.Element {
  const id = fieldId(p.name, p.idPrefix);
  const error = p.form.errors[p.name];
  const selected = new Set((p.form.values[p.name] ?? '').split(',').filter(Boolean));
  const kind = p.multiple ? 'checkboxes' : 'radios';
  return (
    <div {...p.attrs} class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id={id}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, p.hint, error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
          {p.label}
        </legend>
        <Hint id={id} text={p.hint} />
        <ErrorMessage id={id} message={error} />
        <div class={`govuk-${kind} govuk-${kind}--small`}>
          {p.options.map((o, i) => (
            <div class={`govuk-${kind}__item`}>
              <input
                class={`govuk-${kind}__input`}
                id={`${id}-${i}`}
                name={p.name}
                type={p.multiple ? 'checkbox' : 'radio'}
                value={o.value}
                checked={selected.has(o.value)}
                disabled={p.disabled}
              />
              <label class={`govuk-label govuk-${kind}__label`} for={`${id}-${i}`} safe>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** One yes/no checkbox: posts `yes` when ticked, nothing otherwise. */
export function Checkbox(p: FieldProps): JSX.Element {
  const id = fieldId(p.name, p.idPrefix);
  const error = p.form.errors[p.name];
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <ErrorMessage id={id} message={error} />
      <div class="govuk-checkboxes govuk-checkboxes--small">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={p.name}
            type="checkbox"
            value="yes"
            checked={p.form.values[p.name] === 'yes'}
            aria-describedby={describedBy(id, p.hint, error)}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id} safe>
            {p.label}
          </label>
          <Hint id={id} text={p.hint} />
        </div>
      </div>
    </div>
  );
}

/** A collapsed part of the page (GOV.UK details), e.g. a form opened when it holds the last post's errors. */
export function Details({
  summary,
  open = false,
  children,
}: {
  summary: string;
  open?: boolean;
  children: Children;
}): JSX.Element {
  return (
    <details class="govuk-details govuk-!-margin-bottom-3" open={open}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text" safe>
          {summary}
        </span>
      </summary>
      <div class="govuk-details__text">{children}</div>
    </details>
  );
}

export type TagColour =
  'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ text, colour }: { text: string; colour?: TagColour }): JSX.Element {
  return (
    <strong class={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`} safe>
      {text}
    </strong>
  );
}

export function Button({
  children,
  variant,
  name,
  value,
  small = false,
}: {
  children: Children;
  variant?: 'secondary' | 'warning';
  name?: string;
  value?: string;
  /** a compact button among others in a list (move up, move down) */
  small?: boolean;
}): JSX.Element {
  return (
    <button
      type="submit"
      class={`govuk-button${variant ? ` govuk-button--${variant}` : ''}${small ? ' sv-small-button govuk-!-margin-bottom-0' : ''}`}
      data-module="govuk-button"
      data-prevent-double-click="true"
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}

/** A link that looks like a button: a page to go to (a form to fill in), not a change made at once. */
export function LinkButton({
  href,
  text,
  secondary = false,
}: {
  href: string;
  text: string;
  secondary?: boolean;
}): JSX.Element {
  return (
    <a
      href={href}
      role="button"
      draggable="false"
      class={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`}
      data-module="govuk-button"
      safe
    >
      {text}
    </a>
  );
}

/** A POST form with its CSRF token. Every state-changing form in the product is one of these. */
export function PostForm({
  action,
  csrfToken,
  children,
  className,
  uploads,
}: {
  action: string;
  csrfToken: string;
  children: Children;
  className?: string;
  /** the form carries files (FileUpload): sent as multipart/form-data */
  uploads?: boolean;
}): JSX.Element {
  return (
    <form
      method="post"
      action={action}
      novalidate
      class={className}
      enctype={uploads ? 'multipart/form-data' : undefined}
    >
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
  rowHeader = 0,
  captionSize = 'm',
}: {
  caption: string;
  columns: TableColumn<T>[];
  rows: T[];
  empty?: string;
  /**
   * The column whose cell names its row (a person, a county, a questionnaire), marked up as the row's
   * header so a screen reader announces it with every cell; false when no cell names the row (a log).
   */
  rowHeader?: number | false;
  captionSize?: 's' | 'm' | 'l';
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
      <caption class={`govuk-table__caption govuk-table__caption--${captionSize}`} safe>
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
            {columns.map((c, i) =>
              i === rowHeader ? (
                <th
                  scope="row"
                  class={`govuk-table__header${c.numeric ? ' govuk-table__header--numeric' : ''}`}
                >
                  {c.cell(r)}
                </th>
              ) : (
                <td class={`govuk-table__cell${c.numeric ? ' govuk-table__cell--numeric' : ''}`}>
                  {c.cell(r)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface SummaryRow {
  key: string;
  /** the value; each line on a line of its own */
  value: string;
  /** a problem with the value, shown beside it as an error message */
  flag?: string | undefined;
  /** a change link; `hidden` completes its text for screen readers ("Ändra" … "svaret på …") */
  action?: { href: string; text: string; hidden: string } | undefined;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }): JSX.Element {
  const anyAction = rows.some((r) => r.action);
  return (
    <dl class="govuk-summary-list">
      {rows.map((r) => (
        <div
          class={`govuk-summary-list__row${anyAction && !r.action ? ' govuk-summary-list__row--no-actions' : ''}`}
        >
          <dt class="govuk-summary-list__key" safe>
            {r.key}
          </dt>
          <dd class="govuk-summary-list__value">
            {r.flag ? (
              <p class="govuk-error-message">
                <span class="govuk-visually-hidden">Fel:</span> <span safe>{r.flag}</span>
              </p>
            ) : (
              ''
            )}
            {r.value.split('\n').map((line, i) => (
              <>
                {i > 0 ? <br /> : ''}
                <span safe>{line}</span>
              </>
            ))}
          </dd>
          {r.action ? (
            <dd class="govuk-summary-list__actions">
              <a class="govuk-link" href={r.action.href}>
                <span safe>{r.action.text}</span>
                <span class="govuk-visually-hidden" safe>{` ${r.action.hidden}`}</span>
              </a>
            </dd>
          ) : (
            ''
          )}
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
