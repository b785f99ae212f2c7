import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import type { FormBody } from '../../../platform/input.ts';
import { emptyForm, type FormState } from '../../../platform/validation.ts';
import { findSettings } from '../repository.ts';
import { saveSettings, type SettingsInput } from '../site-settings.ts';
import { urls } from '../urls.ts';
import { SettingsPage } from '../views/settings.tsx';

type CountyParams = { Params: { county: string } };
const guard = { config: { access: access.county('site.settings') } };

/** The county's site settings (its admins): review by a second editor, the support contact. */
export function registerSettingsRoutes(app: FastifyInstance, deps: Deps): void {
  const page = (req: FastifyRequest, reply: FastifyReply, form: FormState) => {
    const c = requireCounty(req);
    return SettingsPage({ ctx: pageContext(req, reply), county: { slug: c.slug, name: c.name }, form });
  };
  app.get<CountyParams>('/:county/redaktion/installningar', guard, async (req, reply) => {
    const s = await findSettings(deps.db, requireCounty(req).code);
    return reply.html(
      page(
        req,
        reply,
        emptyForm({
          requiresReview: s.requiresReview ? 'yes' : 'no',
          supportEmail: s.supportEmail ?? '',
          supportPhone: s.supportPhone ?? '',
        }),
      ),
    );
  });
  app.post<CountyParams>('/:county/redaktion/installningar', guard, async (req, reply) =>
    handleForm(
      req,
      reply,
      (form) => page(req, reply, form),
      async () => {
        const county = requireCounty(req);
        await saveSettings(
          deps.db,
          requireUser(req),
          county.code,
          (req.body ?? {}) as FormBody as SettingsInput,
        );
        reply.setFlash({ kind: 'success', text: 'Inställningarna är sparade.' });
        return reply.redirect(urls.settings(county.slug), 303);
      },
    ),
  );
}
