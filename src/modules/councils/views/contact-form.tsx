import type { FormState } from '../../../platform/validation.ts';
import { Button, PostForm, TextArea, TextInput } from '../../../ui/components.tsx';
import { CONTACT_HONEYPOT, CONTACT_LIMITS, takesMessages } from '../contact.ts';
import type { CouncilRow } from '../repository.ts';
import { urls } from '../urls.ts';

/**
 * The public page's contact section: a form to the council's secretariat while the council is active and has
 * an address for it, else a sentence (an ended council has none: its page points to its successor).
 */
export function ContactSection({
  council,
  countySlug,
  csrfToken,
  form,
}: {
  council: Pick<CouncilRow, 'slug' | 'status' | 'secretariatEmail' | 'subjectTag'>;
  countySlug: string;
  csrfToken: string;
  form: FormState;
}): JSX.Element {
  if (council.status !== 'active') return <></>;
  return (
    <section aria-labelledby="contact">
      <h2 class="govuk-heading-m" id="contact">
        Kontakta rådets kansli
      </h2>
      {takesMessages(council) ? (
        <>
          <p class="govuk-body">
            Skriv till rådets kansli. Svaret kommer till den e-postadress du anger. Meddelandet skickas som
            e-post och sparas inte här.
          </p>
          <PostForm action={`${urls.contact(countySlug, council.slug)}#contact`} csrfToken={csrfToken}>
            <TextInput
              name="name"
              label="Ditt namn"
              form={form}
              autocomplete="name"
              maxLength={CONTACT_LIMITS.name}
            />
            <TextInput
              name="email"
              label="Din e-postadress"
              type="email"
              form={form}
              autocomplete="email"
              spellcheck={false}
            />
            <TextInput name="subject" label="Ämne" form={form} maxLength={CONTACT_LIMITS.subject} />
            <TextArea
              name="message"
              label="Meddelande"
              form={form}
              rows={6}
              maxLength={CONTACT_LIMITS.message}
            />
            <div hidden aria-hidden="true">
              <label class="govuk-label" for={CONTACT_HONEYPOT}>
                Lämna det här fältet tomt
              </label>
              <input
                class="govuk-input"
                id={CONTACT_HONEYPOT}
                name={CONTACT_HONEYPOT}
                type="text"
                tabindex="-1"
                autocomplete="off"
              />
            </div>
            <Button>Skicka</Button>
          </PostForm>
          <p class="govuk-body">
            Du kan också mejla till{' '}
            <a class="govuk-link" href={`mailto:${council.secretariatEmail}`} safe>
              {council.secretariatEmail}
            </a>
            .
          </p>
          {council.subjectTag ? (
            <p class="govuk-body" safe>{`Märk mejlet med ”${council.subjectTag}”.`}</p>
          ) : (
            ''
          )}
        </>
      ) : (
        <p class="govuk-body">Rådets kansli tar inte emot meddelanden här. Kontakta länsstyrelsen.</p>
      )}
    </section>
  );
}
