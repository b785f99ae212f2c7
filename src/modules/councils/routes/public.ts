import type { FastifyInstance } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { clientKey, handleForm, pageContext, requireCounty } from '../../../platform/http.ts';
import { identityOf } from '../../../platform/kept-renders.ts';
import { CONTACT_PER_IP, sendContactMessage, takesMessages } from '../contact.ts';
import { publicCouncil } from '../service.ts';
import { urls } from '../urls.ts';
import { CouncilPublicPage } from '../views/public-page.tsx';

/** A council's public page, for everyone: another county's council, or none by that address, is 404. */
export function registerPublicCouncilRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { county: string; councilSlug: string } }>(
    '/:county/rad/:councilSlug',
    { config: { access: access.public() } },
    async (req, reply) => {
      const county = requireCounty(req);
      const page = await publicCouncil(deps.db, county.code, req.params.councilSlug);
      if (!page) throw new NotFoundError();
      // Rendered once for visitors while what it shows is kept (the same object: its identity is its version).
      return reply.publicPage((ctx) => CouncilPublicPage({ ctx, county, page }), {
        version: String(identityOf(page)),
      });
    },
  );

  // The contact form to the secretariat: bad input shows the page again with the messages beside the fields
  // with the input kept; a message sent leads back to the page with a thank-you.
  app.post<{ Params: { county: string; councilSlug: string } }>(
    '/:county/rad/:councilSlug/kontakt',
    { config: { access: access.public() } },
    async (req, reply) => {
      const county = requireCounty(req);
      const page = await publicCouncil(deps.db, county.code, req.params.councilSlug);
      if (!page || !takesMessages(page.council)) throw new NotFoundError();
      const publicPage = urls.publicPage(county.slug, page.council.slug);
      return handleForm(
        req,
        reply,
        (form) =>
          CouncilPublicPage({
            ctx: pageContext(req, reply),
            county,
            page,
            // The honeypot's field never shows a value, so what a robot typed into it is not shown again.
            form,
          }),
        async () => {
          const ipKey = `council-contact:ip:${clientKey(req)}`;
          await deps.rateLimiter.check(ipKey, CONTACT_PER_IP);
          await sendContactMessage(deps.db, page.council, req.body, `${deps.config.publicUrl}${publicPage}`);
          await deps.rateLimiter.record(ipKey, CONTACT_PER_IP);
          reply.setFlash({
            kind: 'success',
            text: 'Tack för ditt meddelande! Det är skickat till rådets kansli, som svarar till din e-postadress.',
          });
          return reply.redirect(publicPage, 303);
        },
      );
    },
  );
}
