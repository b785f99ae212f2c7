import type { Contact } from '../repository.ts';

/** Whom a respondent asks about a task: the county board's admins, with their e-mail addresses. */
export function CountyContacts({ contacts }: { contacts: Contact[] }): JSX.Element {
  return (
    <aside class="govuk-inset-text" aria-labelledby="county-contacts">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1" id="county-contacts">
        Frågor om uppdraget
      </h2>
      {contacts.length === 0 ? (
        <p class="govuk-body govuk-!-margin-bottom-0">Kontakta länsstyrelsen i ert län.</p>
      ) : (
        <>
          <p class="govuk-body govuk-!-margin-bottom-1">Kontakta länsstyrelsen:</p>
          <ul class="govuk-list govuk-!-margin-bottom-0">
            {contacts.map((c) => (
              <li>
                <span safe>{c.name}</span>,{' '}
                <a class="govuk-link" href={`mailto:${c.email}`} safe>
                  {c.email}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
