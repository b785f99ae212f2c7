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

/** Drafts are saved on every change; the plain Save button remains for those without JavaScript. */
function enableAutosave(form) {
  const status = form.querySelector('.sv-autosave');
  const version = form.querySelector('input[name="version"]');
  let timer;
  let inFlight = false;
  let saving = Promise.resolve();
  const save = () => {
    const body = new URLSearchParams(new FormData(form));
    body.set('intent', 'save');
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
          const time = new Date(data.savedAt).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
          status.textContent = `Utkastet sparades kl. ${time}.`;
        } else if (data.conflict) {
          status.textContent = data.conflict;
        } else {
          status.textContent = 'Utkastet kunde inte sparas automatiskt. Rätta de markerade fälten eller spara med knappen.';
        }
      } catch {
        status.textContent = 'Utkastet kunde inte sparas automatiskt. Spara med knappen.';
      }
      inFlight = false;
    });
  };
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
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  });
  form.addEventListener('input', (e) => {
    if (e.target.tagName !== 'TEXTAREA' && e.target.type !== 'text') return;
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
}

for (const form of document.querySelectorAll('form.sv-answer-form')) {
  applyConditions(form);
  form.addEventListener('change', () => applyConditions(form));
  if (form.querySelector('button[value="save"]')) enableAutosave(form);
}
