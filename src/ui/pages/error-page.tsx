import type { PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

const texts: Record<number, { title: string; body: string }> = {
  400: {
    title: 'Begäran kunde inte behandlas',
    body: 'Uppgifterna som skickades var ofullständiga eller felaktiga. Gå tillbaka och försök igen.',
  },
  403: {
    title: 'Du har inte behörighet',
    body: 'Du saknar behörighet till den här sidan eller åtgärden. Om du skickade ett formulär kan sidan ha blivit för gammal: ladda om den och försök igen.',
  },
  404: {
    title: 'Sidan hittades inte',
    body: 'Kontrollera att adressen är rätt. Sidan kan ha flyttats eller tagits bort.',
  },
  409: {
    title: 'Något har ändrats under tiden',
    body: 'Det du ville ändra har ändrats av någon annan sedan du öppnade sidan. Gå tillbaka, ladda om och försök igen.',
  },
  413: { title: 'För mycket data', body: 'Det som skickades var för stort.' },
  415: {
    title: 'Formatet stöds inte',
    body: 'Det som skickades var i ett format som tjänsten inte tar emot. Använd formuläret på sidan.',
  },
  429: { title: 'För många försök', body: 'Vänta en stund och försök sedan igen.' },
  500: {
    title: 'Något gick fel',
    body: 'Ett tekniskt fel uppstod. Inget av det du skickade sparades till hälften. Försök igen om en stund.',
  },
};

/** Swedish error pages: no stack trace, no internal detail, a way back. */
export function ErrorPage({
  ctx,
  status,
  message,
}: {
  ctx: PageContext;
  status: number;
  message?: string;
}): JSX.Element {
  const text = texts[status] ?? texts[500]!;
  return (
    <Layout ctx={ctx} title={text.title}>
      <p class="govuk-body" safe>
        {message ?? text.body}
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/">
          Gå till startsidan
        </a>
      </p>
    </Layout>
  );
}
