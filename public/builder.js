// The questionnaire builder, enhanced. Progressive enhancement only: without this file every button posts
// the form and the server does the same (shows another type's fields, adds or moves an option row, moves a
// question). Loaded only on the builder's editor page; no inline code, so the CSP (script-src 'self') holds.

const status = document.getElementById('sv-builder-status');

/** Says a change out loud for screen readers (the page does not reload). */
function announce(text) {
  if (!status) return;
  status.textContent = '';
  setTimeout(() => (status.textContent = text), 50);
}

const conditionChoices = (() => {
  try {
    return JSON.parse(document.getElementById('sv-condition-choices')?.textContent || '{}');
  } catch {
    return {};
  }
})();

// ---- The question form: fields for the chosen type only ----------------------------------------------

function showTypeFields(form) {
  const type = form.querySelector('select[name="type"]')?.value;
  for (const group of form.querySelectorAll('[data-for-types]')) {
    group.hidden = !group.getAttribute('data-for-types').split(' ').includes(type);
  }
}

function showScaleSteps(form) {
  const max = Number(form.querySelector('select[name="scaleMax"]')?.value || 0);
  for (const step of form.querySelectorAll('[data-scale-step]')) {
    step.hidden = Number(step.getAttribute('data-scale-step')) > max;
  }
}

/** The chosen condition question's own answers, as checkboxes (the same markup the server draws). */
function showConditionAnswers(form) {
  const prefix = form.getAttribute('data-id-prefix');
  const source = form.querySelector('select[name="showIfQuestion"]')?.value;
  const holder = form.querySelector('[data-condition-answers]');
  if (!holder) return;
  const checked = new Set([...holder.querySelectorAll('input:checked')].map((i) => i.value));
  holder.replaceChildren();
  const choices = source ? conditionChoices[source] : undefined;
  if (!choices) return;
  const id = `${prefix}-showIfValues`;
  const group = document.createElement('div');
  group.className = 'govuk-form-group';
  group.id = id;
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'govuk-fieldset';
  fieldset.setAttribute('aria-describedby', `${id}-hint`);
  const legend = document.createElement('legend');
  legend.className = 'govuk-fieldset__legend govuk-fieldset__legend--s';
  legend.textContent = 'Visa frågan när svaret är';
  const hint = document.createElement('div');
  hint.className = 'govuk-hint';
  hint.id = `${id}-hint`;
  hint.textContent = 'Välj ett eller flera svar';
  const list = document.createElement('div');
  list.className = 'govuk-checkboxes govuk-checkboxes--small';
  choices.forEach((c, i) => {
    const item = document.createElement('div');
    item.className = 'govuk-checkboxes__item';
    const input = document.createElement('input');
    input.className = 'govuk-checkboxes__input';
    input.type = 'checkbox';
    input.name = 'showIfValues';
    input.id = `${id}-${i}`;
    input.value = c.value;
    input.checked = checked.has(c.value);
    const label = document.createElement('label');
    label.className = 'govuk-label govuk-checkboxes__label';
    label.htmlFor = input.id;
    label.textContent = c.label;
    item.append(input, label);
    list.append(item);
  });
  fieldset.append(legend, hint, list);
  group.append(fieldset);
  holder.append(group);
}

// ---- The option list: add, remove and move rows on the page ------------------------------------------

/** Numbers the rows again after a change: names, ids, labels and the buttons' steps follow the order. */
function renumber(list, prefix) {
  [...list.querySelectorAll('[data-option-row]')].forEach((row, i) => {
    const label = row.querySelector('input[type="text"]');
    const value = row.querySelector('input[type="hidden"]');
    const caption = row.querySelector('[data-option-label]');
    label.name = `option-${i}-label`;
    label.id = `${prefix}-option-${i}-label`;
    value.name = `option-${i}-value`;
    caption.htmlFor = label.id;
    // The row's error and its limit are described by ids that follow the label's.
    const described = [];
    for (const [part, el] of [
      ['error', row.querySelector('.govuk-error-message')],
      ['info', row.querySelector('.govuk-character-count__message')],
    ])
      if (el) {
        el.id = `${label.id}-${part}`;
        described.push(el.id);
      }
    label.setAttribute('aria-describedby', described.join(' '));
    caption.textContent = `Svarsalternativ ${i + 1}`;
    for (const button of row.querySelectorAll('button[data-step]')) {
      const kind = button.getAttribute('data-step').replace(/^option-(up|down|remove)-\d+$/, '$1');
      button.value = `option-${kind}-${i}`;
      button.setAttribute('data-step', button.value);
      const hidden = button.querySelector('.govuk-visually-hidden');
      if (hidden) hidden.textContent = `: svarsalternativ ${i + 1}`;
    }
  });
}

function optionStep(form, button) {
  const prefix = form.getAttribute('data-id-prefix');
  const list = form.querySelector('[data-option-list]');
  const rows = [...list.querySelectorAll('[data-option-row]')];
  const step = button.getAttribute('data-step');
  if (step === 'option-add') {
    const row = list.template.cloneNode(true);
    for (const input of row.querySelectorAll('input')) input.value = '';
    list.append(row);
    renumber(list, prefix);
    row.querySelector('input[type="text"]').focus();
    announce(`Svarsalternativ ${rows.length + 1} är tillagt.`);
    return;
  }
  const m = /^option-(up|down|remove)-(\d+)$/.exec(step);
  if (!m) return;
  const i = Number(m[2]);
  const row = rows[i];
  if (!row) return;
  if (m[1] === 'remove') {
    row.remove();
    renumber(list, prefix);
    const next = list.querySelectorAll('[data-option-row]')[Math.min(i, rows.length - 2)];
    (
      next?.querySelector('input[type="text"]') ?? form.querySelector('button[data-step="option-add"]')
    ).focus();
    announce(`Svarsalternativ ${i + 1} är borttaget.`);
    return;
  }
  const j = m[1] === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= rows.length) return;
  if (m[1] === 'up') list.insertBefore(row, rows[j]);
  else list.insertBefore(rows[j], row);
  renumber(list, prefix);
  row.querySelector(`button[data-step="option-${m[1]}-${j}"]`)?.focus();
  announce(`Svarsalternativet ”${row.querySelector('input[type="text"]').value}” är nu nummer ${j + 1}.`);
}

function enhanceQuestionForm(holder) {
  const form = holder;
  const list = form.querySelector('[data-option-list]');
  if (list) list.template = list.querySelector('[data-option-row]').cloneNode(true);
  for (const button of form.querySelectorAll('.sv-no-script')) button.hidden = true;
  form.addEventListener('change', (e) => {
    if (e.target.name === 'type') showTypeFields(form);
    if (e.target.name === 'scaleMax') showScaleSteps(form);
    if (e.target.name === 'showIfQuestion') showConditionAnswers(form);
  });
  form.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-step]');
    if (!button || !form.contains(button)) return;
    e.preventDefault();
    optionStep(form, button);
  });
  // Enter in an option's field adds a row instead of posting the form half-done.
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !e.target.closest('[data-option-row]')) return;
    e.preventDefault();
    optionStep(form, form.querySelector('button[data-step="option-add"]'));
  });
  showTypeFields(form);
  showScaleSteps(form);
}

// ---- Moving sections and questions without reloading the page -----------------------------------------

/**
 * Posts the move as the form would, then puts the page's sections and questions in the order of the page
 * that came back, moving the elements themselves: anything typed in an open form stays. The move buttons
 * (which depend on the place) are taken from the new page.
 */
async function move(form, submitter) {
  const body = new URLSearchParams(new FormData(form));
  body.set(submitter.name, submitter.value);
  const res = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin' });
  // Refused (a condition would point forward, someone else changed the form): the ordinary post shows why.
  if (!res.ok || !res.redirected) return false;
  try {
    placeAsIn(new DOMParser().parseFromString(await res.text(), 'text/html'), form, submitter);
  } catch {
    // The move is saved but this page could not follow it: show the saved order.
    location.assign(res.url);
  }
  return true;
}

function placeAsIn(next, form, submitter) {
  const container = document.getElementById('sv-sections');
  const nextContainer = next.getElementById('sv-sections');
  if (!container || !nextContainer) throw new Error('no sections');
  for (const section of nextContainer.querySelectorAll(':scope > section')) {
    const mine = document.getElementById(section.id);
    if (!mine) throw new Error(`missing ${section.id}`);
    container.append(mine);
    const list = mine.querySelector('[data-questions-of]');
    for (const item of section.querySelectorAll('[data-questions-of] > li')) {
      const q = document.getElementById(item.id);
      if (!q) throw new Error(`missing ${item.id}`);
      list.append(q);
    }
    mine.querySelector('[data-empty-note]').hidden = section.querySelector('[data-empty-note]').hidden;
  }
  for (const buttons of next.querySelectorAll('[data-move-for]')) {
    const mine = document.querySelector(`[data-move-for="${buttons.getAttribute('data-move-for')}"]`);
    if (mine) mine.replaceWith(document.adoptNode(buttons));
  }
  const item = form.closest('[data-move-for]')?.getAttribute('data-move-for');
  const moved = item ? document.getElementById(item) : null;
  const buttons = moved?.querySelector(':scope > [data-move-for] form');
  const again =
    buttons?.querySelector(`button[value="${submitter.value}"]`) ?? buttons?.querySelector('button');
  if (again) again.focus();
  else moved?.querySelector('h2, h3')?.focus();
  moved?.scrollIntoView({ block: 'nearest' });
  const flash = next.querySelector('.govuk-notification-banner__heading')?.textContent?.trim();
  announce(flash || 'Flyttat.');
}

document.addEventListener('submit', (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('sv-move-form')) return;
  if (form.dataset.plain === 'true') return;
  e.preventDefault();
  const submitter = e.submitter;
  const plain = () => {
    form.dataset.plain = 'true';
    form.requestSubmit(submitter);
  };
  move(form, submitter).then((done) => done || plain(), plain);
});

for (const holder of document.querySelectorAll('[data-question-form]')) enhanceQuestionForm(holder);
