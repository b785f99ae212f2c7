// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

/** Conditional questions: shown only when the question they depend on has one of the given answers. */
function applyConditions(form) {
  for (const group of form.querySelectorAll('[data-show-if]')) {
    const name = group.getAttribute('data-show-if');
    const values = (group.getAttribute('data-show-values') || '').split(',');
    const chosen = [...form.querySelectorAll(`[name="${name}"]`)]
      .filter((el) => (el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value !== ''))
      .map((el) => el.value);
    group.hidden = !chosen.some((v) => values.includes(v));
  }
}

/** The fields a draft holds (the CSRF token, version and button aside), in form order. */
function draftFields(form) {
  return [...new FormData(form)].filter(
    ([name]) => !['_csrf', 'version', 'intent', 'section'].includes(name),
  );
}

/** Whether two drafts hold the same text (empty fields, such as a new measure's row, do not count). */
const sameFields = (a, b) =>
  JSON.stringify(a.filter(([, v]) => v !== '')) === JSON.stringify(b.filter(([, v]) => v !== ''));

/** Puts stored field values back into the form (radios and checkboxes by value). */
function fillForm(form, fields) {
  const byName = new Map();
  for (const [name, value] of fields) byName.set(name, [...(byName.get(name) || []), value]);
  for (const el of form.elements) {
    if (!el.name || ['_csrf', 'version', 'intent', 'section'].includes(el.name) || el.type === 'submit')
      continue;
    const values = byName.get(el.name) || [];
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = values.includes(el.value);
    else el.value = values[0] ?? '';
  }
}

/**
 * Shows the server's flags beside the fields (input kept as typed that needs fixing before submitting), and
 * clears those that no longer apply.
 */
function showFlags(form, problems) {
  for (const old of form.querySelectorAll('.govuk-error-message')) {
    const group = old.closest('.govuk-form-group');
    old.remove();
    group?.classList.remove('govuk-form-group--error');
  }
  for (const [field, message] of Object.entries(problems || {})) {
    const target = document.getElementById(field);
    const group = target?.closest('.govuk-form-group');
    if (!group) continue;
    const p = document.createElement('p');
    p.className = 'govuk-error-message';
    p.id = `${field}-error`;
    const hidden = document.createElement('span');
    hidden.className = 'govuk-visually-hidden';
    hidden.textContent = 'Fel:';
    p.append(hidden, ` ${message}`);
    const label = group.querySelector(`label[for="${field}"], legend`);
    (label || group.firstChild).after(p);
    group.classList.add('govuk-form-group--error');
  }
}

/**
 * Drafts are saved on every change; the plain buttons remain for those without JavaScript. What is typed is
 * also kept in this browser until the server has it, so a session that ended (or a lost connection) costs no
 * text: on the next visit the form offers it back.
 */
function enableAutosave(form) {
  const status = form.querySelector('.sv-autosave');
  const version = form.querySelector('input[name="version"]');
  const section = form.querySelector('input[name="section"]')?.value || '';
  const key = `samverkan-utkast:${new URL(form.action).pathname}:${section}`;
  let timer;
  let inFlight = false;
  let saving = Promise.resolve();
  let edits = 0;

  const say = (text, failed = false) => {
    status.textContent = text;
    status.classList.toggle('sv-autosave--failed', failed);
  };
  const keepLocally = () => {
    try {
      localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields: draftFields(form) }));
    } catch {
      // Storage full or refused: the server save still runs.
    }
  };
  const forget = () => localStorage.removeItem(key);

  const save = () => {
    const body = new URLSearchParams(new FormData(form));
    body.set('intent', 'save');
    const editsSent = edits;
    inFlight = true;
    saving = saving.then(async () => {
      try {
        const res = await fetch(form.action, {
          method: 'POST',
          body,
          headers: { accept: 'application/json' },
          credentials: 'same-origin',
        });
        const data = await res.json();
        if (res.ok && data.ok) {
          version.value = String(data.version);
          if (edits === editsSent) forget();
          showFlags(form, data.problems);
          const time = new Date(data.savedAt).toLocaleTimeString('sv-SE', {
            hour: '2-digit',
            minute: '2-digit',
          });
          const flagged = Object.keys(data.problems || {}).length;
          say(
            `Utkastet sparades kl. ${time}, med allt du skrivit.` +
              (flagged
                ? ` ${flagged === 1 ? 'Ett svar behöver' : `${flagged} svar behöver`} rättas innan du skickar in.`
                : ''),
          );
        } else if (data.sessionEnded) {
          say('');
          const link = document.createElement('a');
          link.className = 'govuk-link';
          // Back to this very page (the server may not know it: no Referer is sent).
          link.href = `/logga-in?next=${encodeURIComponent(location.pathname + location.search)}`;
          link.textContent = 'Logga in igen';
          status.append(
            'Utkastet är inte sparat: du är inte längre inloggad. Det du skrivit finns kvar i den här webbläsaren. ',
            link,
            ' – du kommer tillbaka hit och kan spara det.',
          );
          status.classList.add('sv-autosave--failed');
        } else if (data.conflict) {
          say(`Utkastet är inte sparat. ${data.conflict}`, true);
        } else {
          const reasons = Object.values(data.errors || {}).join(' ');
          say(`Utkastet är inte sparat. ${reasons || 'Försök igen med knappen Spara utkast.'}`, true);
        }
      } catch {
        say(
          'Utkastet är inte sparat: servern svarade inte. Det du skrivit finns kvar i den här webbläsaren; försök igen om en stund.',
          true,
        );
      }
      inFlight = false;
    });
  };

  // Text kept from an earlier visit that the server never got: offered back, not forced.
  let kept;
  try {
    kept = JSON.parse(localStorage.getItem(key) || 'null');
  } catch {
    kept = null;
  }
  if (kept && !sameFields(kept.fields, draftFields(form))) {
    const box = document.createElement('div');
    box.className = 'govuk-notification-banner sv-restore';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-labelledby', 'sv-restore-title');
    const time = new Date(kept.at).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
    box.innerHTML = `<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="sv-restore-title">Osparad text</h2></div>
      <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading"></p>
      <div class="govuk-button-group"><button type="button" class="govuk-button" data-restore>Återställ texten</button>
      <button type="button" class="govuk-button govuk-button--secondary" data-discard>Behåll det sparade</button></div></div>`;
    box.querySelector('.govuk-notification-banner__heading').textContent =
      `Du skrev i det här formuläret ${time} men det hann inte sparas. Vill du få tillbaka den texten?`;
    form.prepend(box);
    box.querySelector('[data-restore]').addEventListener('click', () => {
      fillForm(form, kept.fields);
      box.remove();
      form.dispatchEvent(new Event('change'));
      say('Texten är återställd och sparas nu.');
      form.querySelector('input:not([type=hidden]), textarea, select')?.focus();
    });
    box.querySelector('[data-discard]').addEventListener('click', () => {
      forget();
      box.remove();
      say('Den osparade texten är borttagen.');
    });
  } else if (kept) forget();

  // A button press waits for an autosave under way, so it carries the newest version.
  form.addEventListener('submit', (e) => {
    clearTimeout(timer);
    if (!inFlight) return;
    e.preventDefault();
    const intent = document.createElement('input');
    intent.type = 'hidden';
    intent.name = e.submitter?.name || 'intent';
    intent.value = e.submitter?.value || 'save';
    form.append(intent);
    saving.then(() => form.submit());
  });
  form.addEventListener('change', () => {
    edits++;
    keepLocally();
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  });
  form.addEventListener('input', (e) => {
    if (e.target.tagName !== 'TEXTAREA' && e.target.type !== 'text') return;
    edits++;
    keepLocally();
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
}

for (const form of document.querySelectorAll('form.sv-answer-form')) {
  applyConditions(form);
  form.addEventListener('change', () => applyConditions(form));
  if (form.querySelector('input[name="version"]')) enableAutosave(form);
}
