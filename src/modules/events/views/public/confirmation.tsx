import type { PageContext } from '../../../../ui/context.ts';
import { Layout } from '../../../../ui/layout.tsx';
import { whenOfEvent } from '../../labels.ts';
import { urls } from '../../urls.ts';
import { placeText } from './wording.ts';

export interface ConfirmationProps {
  ctx: PageContext;
  county: { slug: string; name: string };
  event: {
    slug: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    placeKind: 'address' | 'digital';
    address: string | null;
  };
  status: 'confirmed' | 'waiting';
  /** the place in line when waiting (1 first) */
  position: number | undefined;
  email: string;
  /** the registrant's own page (see, change, cancel, erase) */
  manageUrl: string;
}

/** What a registrant sees right after registering: a place or the waiting list, and that a mail is coming. */
export function ConfirmationPage(p: ConfirmationProps): JSX.Element {
  const confirmed = p.status === 'confirmed';
  return (
    <Layout
      ctx={p.ctx}
      title={confirmed ? 'Tack för din anmälan' : 'Du står på väntelistan'}
      caption={p.event.title}
      breadcrumbs={[
        { href: `/${p.county.slug}/`, label: p.county.name },
        { href: urls.calendar(p.county.slug), label: 'Kalender' },
        { href: urls.event(p.county.slug, p.event.slug), label: p.event.title },
      ]}
    >
      {confirmed ? (
        <div class="govuk-panel govuk-panel--confirmation">
          <div class="govuk-panel__body">Du har fått en plats</div>
        </div>
      ) : (
        <div class="govuk-inset-text">
          <p class="govuk-body-l govuk-!-margin-bottom-2">
            {p.position ? <span safe>{`Du är nummer ${p.position} i kön.`}</span> : 'Du står i kö.'}
          </p>
          <p class="govuk-body">
            Evenemanget är fullbokat. Om en plats blir ledig får du ett mejl med en länk för att ta den, först
            till den som har stått längst i kö.
          </p>
        </div>
      )}
      <p class="govuk-body">
        <span safe>{`${p.event.title}, ${whenOfEvent(p.event.startsAt, p.event.endsAt)}.`}</span>{' '}
        <span safe>{placeText(p.event)}</span>
      </p>
      <h2 class="govuk-heading-m">Ett mejl är på väg</h2>
      <p class="govuk-body">
        Vi skickar {confirmed ? 'en bekräftelse' : 'ett besked om din plats i kön'} till{' '}
        <strong safe>{p.email}</strong>
        {confirmed ? ' med evenemanget som kalenderfil' : ''}. I mejlet finns en länk där du kan se, ändra
        eller avboka din anmälan och ta bort dina uppgifter.
      </p>
      <p class="govuk-body">Om mejlet inte kommer fram inom en stund, titta i skräpposten.</p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={p.manageUrl}>
            Se, ändra eller avboka din anmälan
          </a>
        </li>
        <li>
          <a class="govuk-link" href={urls.event(p.county.slug, p.event.slug)}>
            Tillbaka till evenemanget
          </a>
        </li>
      </ul>
    </Layout>
  );
}
