import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, RouteAccess } from '../src/platform/authz.ts';
import { roles, type Role } from '../src/platform/roles.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { TestClient, type Page } from './helpers/client.ts';
import { factories, type Factories, type TestUser } from './factories.ts';
import { eventWithImage } from './factories/event-images.ts';
import { urlNameOf } from '../src/platform/files.ts';
import {
  addRepresentative,
  councilOverview,
  dissolveCouncil,
  createYearSteps,
  formCouncil,
} from '../src/modules/councils/index.ts';
import { addFinancingLine, addIntervention, addMilestone } from '../src/modules/councils/interventions.ts';
import { addInterventionArea, addPriority } from '../src/modules/councils/priorities.ts';
import { addStrategy } from '../src/modules/councils/strategies.ts';
import { findCountyBoard } from '../src/modules/reference/index.ts';
import { createBanner, endBanner } from '../src/modules/site/banners.ts';
import { createNews } from '../src/modules/site/news.ts';
import { councilWork } from './factories/council-work.ts';
import { sitePageWorld } from './factories/site-pages.ts';
import { organiserWorld, type OrganiserWorld } from './factories/event-organiser.ts';
import { eventFactories, type EventFactories } from './factories/event-registrations.ts';
import { evaluationFactories, type EvaluationFactories } from './factories/event-evaluations.ts';

type Who = Role | 'anonymous';
const everyone: Who[] = ['anonymous', ...roles];

/**
 * What an actor gets: `ok` — the route serves it (a GET answers 200; a POST with an empty body answers 303,
 * or 400 for the missing input, or 409 where the resource's state forbids the change — never 200, 403 or
 * 500); `login` — 303 to the sign-in page; or an exact status.
 */
type Cell = 'ok' | 'login' | number;

interface Row {
  method: 'GET' | 'POST';
  /** the route as registered */
  route: string;
  /** a state of the resources other than the usual one, e.g. [inskickad] */
  state: string | undefined;
  cells: Record<Who, Cell>;
  /** the POST removes or uses up what it acts on (a section, a link): each actor gets its own */
  freshIds: boolean;
  /** the POST ends the session: each actor signs in anew for it */
  freshSession: boolean;
}

/**
 * Who may do what, route by route: the readable spec, and what the test holds the app to. County roles hold
 * their role in Uppsala län (03) and the cells are their own county, with the county's real round, occasion,
 * response, organisation and questionnaire made by the factories. Rules that hold for every row, so they
 * need no column:
 *
 * - another county's pages (Västernorrland, with its own ids) are 404 to all but the system admin; a public
 *   page is the same in every county;
 * - another county's ids under one's own county's address are 404 to everyone;
 * - a national page (or an assignment) with ids that are not national (or not one's own) is 404 to those the
 *   cell lets in; a token or mail id that does not exist is 404 (a POST's empty form may be refused first, 400);
 * - a POST without a CSRF token is 403 to everyone;
 * - inside a council's work room (`/:county/rad/:councilSlug/…`), the council decides after the route's gate:
 *   one who passes the gate but neither keeps the council nor sits in one of its bodies gets 404 (an editor).
 *
 * `[state]` repeats a route with its resources in another state. `(removes)` / `(uses up)`: each actor gets
 * resources of its own; `(signs out)`: each actor signs in anew for it.
 */
const spec = table(`
  route                                                                                   anon   sys    nat    cadm   cedt   rep    cncl
  GET  /healthz                                                                           ok     ok     ok     ok     ok     ok     ok
  GET  /readyz                                                                            ok     ok     ok     ok     ok     ok     ok
  GET  /                                                                                  ok     ok     ok     ok     ok     ok     ok
  POST /sprak                                                                             ok     ok     ok     ok     ok     ok     ok
  GET  /:county/                                                                          ok     ok     ok     ok     ok     ok     ok
  GET  /:county                                                                           301    301    301    301    301    301    301
  GET  /om/tillganglighet                                                                 ok     ok     ok     ok     ok     ok     ok
  GET  /om/personuppgifter                                                                ok     ok     ok     ok     ok     ok     ok
  GET  /om/kakor                                                                          ok     ok     ok     ok     ok     ok     ok
  GET  /om/kontakt                                                                        ok     ok     ok     ok     ok     ok     ok

  GET  /:county/*                                                                         ok     ok     ok     ok     ok     ok     ok
  GET  /:county/redaktion                                                                 login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor                                                           login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/ny                                                        login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/ny                                                        login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/:pageId                                                   login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId                                                   login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/:pageId/forhandsvisning                                   login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/:pageId/bild                                              login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/bild                                              login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/:pageId/filer                                             login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/filer                                             login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/filer/:fileId/ta-bort (removes)                   login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/granskning                                        login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/:pageId/publicera                                         login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/publicera                                         login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/avpublicera (uses up)                             login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/avbryt-publicering                                login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/:pageId/flytta                                            login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/flytta                                            login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/:pageId/historik                                          login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/sidor/:pageId/historik/:revisionId                              login  ok     404    ok     ok     404    404
  POST /:county/redaktion/sidor/:pageId/historik/:revisionId/aterstall                    login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/kontakter                                                       login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/kontakter/ny                                                    login  ok     404    ok     ok     404    404
  POST /:county/redaktion/kontakter/ny                                                    login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/kontakter/:contactId                                            login  ok     404    ok     ok     404    404
  POST /:county/redaktion/kontakter/:contactId                                            login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/kontakter/:contactId/ersatt                                     login  ok     404    ok     ok     404    404
  POST /:county/redaktion/kontakter/:contactId/ersatt                                     login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/installningar                                                   login  ok     404    ok     404    404    404
  POST /:county/redaktion/installningar                                                   login  ok     404    ok     404    404    404
  GET  /sok                                                                               ok     ok     ok     ok     ok     ok     ok
  GET  /:county/sok                                                                       ok     ok     ok     ok     ok     ok     ok

  GET  /logga-in                                                                          ok     303    303    303    303    303    303
  POST /logga-in                                                                          ok     ok     ok     ok     ok     ok     ok
  POST /logga-ut (signs out)                                                              ok     ok     ok     ok     ok     ok     ok
  GET  /start                                                                             login  303    303    303    303    303    303
  GET  /glomt-losenord                                                                    ok     ok     ok     ok     ok     ok     ok
  POST /glomt-losenord                                                                    ok     ok     ok     ok     ok     ok     ok
  GET  /aterstall-losenord/:token                                                         ok     ok     ok     ok     ok     ok     ok
  POST /aterstall-losenord/:token                                                         ok     ok     ok     ok     ok     ok     ok
  GET  /inbjudan/:token                                                                   ok     ok     ok     ok     ok     ok     ok
  POST /inbjudan/:token                                                                   ok     ok     ok     ok     ok     ok     ok
  GET  /inloggningslank/:token                                                            ok     ok     ok     ok     ok     ok     ok
  POST /inloggningslank/:token (signs out, uses up)                                       ok     ok     ok     ok     ok     ok     ok

  GET  /anmalan/:token                                                                    ok     ok     ok     ok     ok     ok     ok
  GET  /anmalan/:token/tack                                                               ok     ok     ok     ok     ok     ok     ok
  POST /anmalan/:token                                                                    ok     ok     ok     ok     ok     ok     ok
  GET  /anmalan/:token/avboka                                                             ok     ok     ok     ok     ok     ok     ok
  POST /anmalan/:token/avboka (uses up)                                                   ok     ok     ok     ok     ok     ok     ok
  GET  /anmalan/:token/ta-bort                                                            ok     ok     ok     ok     ok     ok     ok
  POST /anmalan/:token/ta-bort (removes)                                                  ok     ok     ok     ok     ok     ok     ok
  GET  /anmalan/borttagen                                                                 ok     ok     ok     ok     ok     ok     ok
  GET  /anmalan/erbjudande/:token                                                         ok     ok     ok     ok     ok     ok     ok
  POST /anmalan/erbjudande/:token                                                         ok     ok     ok     ok     ok     ok     ok
  POST /anmalan/erbjudande/:token/avsta (uses up)                                         ok     ok     ok     ok     ok     ok     ok
  GET  /utvardering/:token                                                                ok     ok     ok     ok     ok     ok     ok
  POST /utvardering/:token (uses up)                                                      ok     ok     ok     ok     ok     ok     ok

  GET  /filer/:id/:name                                                                   ok     ok     ok     ok     ok     ok     ok
  GET  /filer/:id/:name [opublicerad]                                                     404    ok     404    ok     ok     404    404
  GET  /filer/:id/:variant/:name                                                          ok     ok     ok     ok     ok     ok     ok
  GET  /filer/:id/:variant/:name [opublicerad]                                            404    ok     404    ok     ok     404    404

  GET  /kalender                                                                          ok     ok     ok     ok     ok     ok     ok
  GET  /kalender.ics                                                                      ok     ok     ok     ok     ok     ok     ok
  GET  /kalender.atom                                                                     ok     ok     ok     ok     ok     ok     ok
  GET  /:county/kalender                                                                  ok     ok     ok     ok     ok     ok     ok
  GET  /:county/kalender.ics                                                              ok     ok     ok     ok     ok     ok     ok
  GET  /:county/kalender.atom                                                             ok     ok     ok     ok     ok     ok     ok
  GET  /:county/kalender.rss                                                              ok     ok     ok     ok     ok     ok     ok
  GET  /:county/kalender/:eventSlug                                                       ok     ok     ok     ok     ok     ok     ok
  POST /:county/kalender/:eventSlug                                                       ok     ok     ok     ok     ok     ok     ok
  GET  /:county/kalender/:eventSlug/kalenderfil.ics                                       ok     ok     ok     ok     ok     ok     ok

  GET  /:county/admin                                                                     login  ok     404    ok     ok     404    404
  GET  /:county/admin/personer                                                            login  ok     404    ok     ok     404    404
  POST /:county/admin/personer                                                            login  ok     404    ok     404    404    404
  GET  /:county/rad                                                                       login  ok     404    ok     ok     404    ok
  GET  /:county/rad/nytt                                                                  login  ok     404    ok     404    404    404
  POST /:county/rad/nytt                                                                  login  ok     404    ok     404    404    404
  GET  /:county/rad/sammanslagning                                                        login  ok     404    ok     404    404    404
  POST /:county/rad/sammanslagning                                                        login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/oversikt                                                 login  ok     404    ok     404    404    ok
  GET  /:county/rad/:councilSlug/redigera                                                 login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/redigera [upplöst]                                       login  409    404    409    404    404    404
  POST /:county/rad/:councilSlug/redigera                                                 login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/redigera [upplöst]                                       login  409    404    409    404    404    404
  GET  /:county/rad/:councilSlug/upplos                                                   login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/upplos                                                   login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/upplos [upplöst]                                         login  409    404    409    404    404    404
  GET  /:county/rad/:councilSlug/medlemmar                                                login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/medlemmar                                                login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/medlemmar [upplöst]                                      login  409    404    409    404    404    404
  GET  /:county/rad/:councilSlug/medlemmar/:memberId                                      login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/medlemmar/:memberId/logotyp                              login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/medlemmar/:memberId/avsluta                              login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/organ                                                    login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/organ                                                    login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/organ [upplöst]                                          login  409    404    409    404    404    404
  GET  /:county/rad/:councilSlug/organ/:bodyId                                            login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/organ/:bodyId/flytta                                     login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/organ/:bodyId/personer                                   login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/organ/:bodyId/personer/:personId/roll                    login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/organ/:bodyId/personer/:personId/ta-bort (removes)       login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug                                                          ok     ok     ok     ok     ok     ok     ok
  POST /:county/rad/:councilSlug/kontakt                                                  ok     ok     ok     ok     ok     ok     ok
  GET  /:county/rad/:councilSlug/arshjul                                                  login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/arshjul                                                  login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/arshjul/:stepId                                          login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/arshjul/:stepId                                          login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/uppfoljning/:year.html                                   login  ok     404    ok     404    404    ok
  GET  /:county/rad/:councilSlug/uppfoljning/:year.docx                                   login  ok     404    ok     404    404    ok
  GET  /:county/rad/:councilSlug/prioriteringar                                           login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/prioriteringar                                           login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/prioriteringar/:priorityId                               login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/prioriteringar/:priorityId                               login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/prioriteringar/:priorityId/insatsomraden                 login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/prioriteringar/:priorityId/insatser                      login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/insatser/:interventionId                                 login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/insatser/:interventionId                                 login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/insatser/:interventionId/finansiering                    login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/insatser/:interventionId/delmal                          login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/insatser/:interventionId/delmal/klart                    login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/insatser/:interventionId/finansiering/:lineId/ta-bort (removes) login ok 404 ok 404 404 404
  POST /:county/rad/:councilSlug/insatser/:interventionId/delmal/:milestoneId/ta-bort (removes) login ok 404 ok 404 404 404
  POST /:county/rad/:councilSlug/insatser/:interventionId/lagesrapport                    login  ok     404    ok     404    404    ok
  GET  /:county/rad/:councilSlug/hantering                                                login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/hantering                                                login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/insatser/:interventionId/mal                             login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/insatser/import                                          login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/insatser/import                                          login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/insatser/import/mall.csv                                 login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/strategier                                               login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/strategier                                               login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/strategier/:strategyId/mal                               login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/moten                                                    login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/moten                                                    login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/moten/:meetingId                                         login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/moten/:meetingId                                         login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/moten/:meetingId/kallelse.ics                            login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/moten/:meetingId/kallelse                                login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/moten/:meetingId/hallet                                  login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/moten/:meetingId/dagordning                              login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/moten/:meetingId/dagordning/:itemId                      login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/moten/:meetingId/protokoll                               login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/moten/:meetingId/narvaro                                 login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/moten/:meetingId/stall-in                                login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/beslut                                                   login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/beslut                                                   login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/beslut/:decisionId                                       login  ok     404    ok     404    404    ok
  GET  /:county/rad/:councilSlug/dokument                                                 login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/dokument                                                 login  ok     404    ok     404    404    404
  GET  /:county/rad/:councilSlug/dokument/:documentId                                     login  ok     404    ok     404    404    ok
  POST /:county/rad/:councilSlug/dokument/:documentId                                     login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/dokument/:documentId/version                             login  ok     404    ok     404    404    404
  POST /:county/rad/:councilSlug/dokument/:documentId/dra-tillbaka                        login  ok     404    ok     404    404    404
  GET  /min-organisation                                                                  login  403    403    403    403    ok     403
  GET  /nationellt                                                                        login  ok     ok     403    403    403    403

  GET  /admin                                                                             login  ok     403    403    403    403    403
  GET  /admin/organisationer                                                              login  ok     403    403    403    403    403
  GET  /admin/organisationer/ny                                                           login  ok     403    403    403    403    403
  POST /admin/organisationer/ny                                                           login  ok     403    403    403    403    403
  GET  /admin/anvandare                                                                   login  ok     403    403    403    403    403
  GET  /admin/e-post                                                                      login  ok     403    403    403    403    403
  GET  /admin/e-post/:id                                                                  login  ok     403    403    403    403    403
  GET  /admin/granskningslogg                                                             login  ok     403    403    403    403    403

  GET  /:county/lagesbild                                                                 login  ok     404    ok     ok     404    404
  GET  /:county/lagesbild/ny                                                              login  ok     404    ok     404    404    404
  POST /:county/lagesbild/ny                                                              login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/:roundId                                                        login  ok     404    ok     ok     404    404
  POST /:county/lagesbild/:roundId/svarande                                               login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/:roundId/andra                                                  login  ok     404    ok     404    404    404
  POST /:county/lagesbild/:roundId/andra                                                  login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/:roundId/avsluta                                                login  ok     404    ok     404    404    404
  POST /:county/lagesbild/:roundId/avsluta (removes)                                      login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/:roundId/stall-in                                               login  ok     404    ok     404    404    404
  POST /:county/lagesbild/:roundId/stall-in (removes)                                     login  ok     404    ok     404    404    404
  POST /:county/lagesbild/:roundId/stall-in [besvarad]                                    login  409    404    409    404    404    404
  GET  /:county/lagesbild/:roundId/ta-bort                                                login  ok     404    ok     404    404    404
  POST /:county/lagesbild/:roundId/ta-bort (removes)                                      login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/:roundId/:occasionId                                            login  ok     404    ok     ok     404    404
  POST /:county/lagesbild/:roundId/:occasionId/oppna/:organisationId                      login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/:roundId/:occasionId/svar.xlsx                                  login  ok     404    ok     ok     404    404
  GET  /:county/lagesbild/:roundId/:occasionId/svar.csv                                   login  ok     404    ok     ok     404    404
  GET  /:county/lagesbild/:roundId/:occasionId/sammanstallning                            login  ok     404    ok     ok     404    404
  GET  /:county/lagesbild/:roundId/:occasionId/sammanstallning.docx                       login  ok     404    ok     ok     404    404
  POST /:county/lagesbild/:roundId/:occasionId/sammanstallning                            login  ok     404    ok     ok     404    404
  POST /:county/lagesbild/:roundId/:occasionId/sammanstallning [inskickad]                login  409    404    409    409    404    404
  GET  /:county/lagesbild/:roundId/:occasionId/sammanstallning/skicka                     login  ok     404    ok     404    404    404
  POST /:county/lagesbild/:roundId/:occasionId/sammanstallning/skicka                     login  ok     404    ok     404    404    404
  POST /:county/lagesbild/:roundId/:occasionId/sammanstallning/skicka [inskickad]         login  409    404    409    404    404    404
  POST /:county/lagesbild/:roundId/:occasionId/sammanstallning/aterkalla                  login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/svar/:responseId                                                login  ok     404    ok     ok     404    404
  POST /:county/lagesbild/svar/:responseId/godkann                                        login  ok     404    ok     404    404    404
  POST /:county/lagesbild/svar/:responseId/aterlamna                                      login  ok     404    ok     404    404    404
  POST /:county/lagesbild/svar/:responseId/oppna                                          login  ok     404    ok     404    404    404

  GET  /uppdrag                                                                           login  403    403    403    403    ok     403
  GET  /uppdrag/:occasionId/:organisationId                                               login  403    403    403    403    ok     403
  POST /uppdrag/:occasionId/:organisationId                                               login  403    403    403    403    ok     403
  GET  /uppdrag/:occasionId/:organisationId/avsnitt/:sectionId                            login  403    403    403    403    ok     403
  GET  /uppdrag/:occasionId/:organisationId/kontrollera                                   login  403    403    403    403    ok     403

  GET  /nationellt/lagesbild                                                              login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/ny                                                           login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId                                                     login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/andra                                               login  ok     ok     403    403    403    403
  POST /nationellt/lagesbild/:roundId/andra                                               login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/avsluta                                             login  ok     ok     403    403    403    403
  POST /nationellt/lagesbild/:roundId/avsluta (removes)                                   login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/stall-in                                            login  ok     ok     403    403    403    403
  POST /nationellt/lagesbild/:roundId/stall-in (removes)                                  login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/ta-bort                                             login  ok     ok     403    403    403    403
  POST /nationellt/lagesbild/:roundId/ta-bort (removes)                                   login  ok     ok     403    403    403    403
  POST /nationellt/lagesbild/ny                                                           login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId                                         login  ok     ok     403    403    403    403
  POST /nationellt/lagesbild/:roundId/:occasionId                                         login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId.docx                                    login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId/stang                                   login  ok     ok     403    403    403    403
  POST /nationellt/lagesbild/:roundId/:occasionId/stang                                   login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId/lan/:county                             login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId/lan/:county [utkast]                    login  404    404    403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId/lan/:county.docx                        login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId/svar.xlsx                               login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId/svar.csv                                login  ok     ok     403    403    403    403
  GET  /nationellt/lagesbild/:roundId/:occasionId/svar.csv [delas inte]                   login  404    404    403    403    403    403

  GET  /nationellt/formular                                                               login  ok     ok     403    403    403    403
  GET  /nationellt/formular/nytt                                                          login  ok     ok     403    403    403    403
  POST /nationellt/formular/nytt                                                          login  ok     ok     403    403    403    403
  GET  /nationellt/formular/:questionnaireId                                              login  ok     ok     403    403    403    403
  GET  /nationellt/formular/:questionnaireId/version/:version                             login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/rubrik                                       login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/avsnitt                                      login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/avsnitt/:sectionId                           login  ok     ok     403    403    403    403
  GET  /nationellt/formular/:questionnaireId/avsnitt/:sectionId/ta-bort                   login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/avsnitt/:sectionId/ta-bort (removes)         login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/avsnitt/:sectionId/flytta                    login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/avsnitt/:sectionId/fragor                    login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/fragor/:questionId                           login  ok     ok     403    403    403    403
  GET  /nationellt/formular/:questionnaireId/fragor/:questionId/ta-bort                   login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/fragor/:questionId/ta-bort (removes)         login  ok     ok     403    403    403    403
  POST /nationellt/formular/:questionnaireId/fragor/:questionId/flytta                    login  ok     ok     403    403    403    403

  GET  /:county/lagesbild/formular                                                        login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/formular/nytt                                                   login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/nytt                                                   login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/formular/:questionnaireId                                       login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/formular/:questionnaireId/version/:version                      login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/rubrik                                login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/avsnitt                               login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/avsnitt/:sectionId                    login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/formular/:questionnaireId/avsnitt/:sectionId/ta-bort            login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/avsnitt/:sectionId/ta-bort (removes)  login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/avsnitt/:sectionId/flytta             login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/avsnitt/:sectionId/fragor             login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/fragor/:questionId                    login  ok     404    ok     404    404    404
  GET  /:county/lagesbild/formular/:questionnaireId/fragor/:questionId/ta-bort            login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/fragor/:questionId/ta-bort (removes)  login  ok     404    ok     404    404    404
  POST /:county/lagesbild/formular/:questionnaireId/fragor/:questionId/flytta             login  ok     404    ok     404    404    404

  GET  /:county/evenemang                                                                 login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/nytt                                                            login  ok     404    ok     ok     404    404
  POST /:county/evenemang/nytt                                                            login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/serier/ny                                                       login  ok     404    ok     ok     404    404
  POST /:county/evenemang/serier/ny                                                       login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/serier/:seriesId                                                login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/serier/:seriesId/andra                                          login  ok     404    ok     ok     404    404
  POST /:county/evenemang/serier/:seriesId/andra                                          login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId                                                        login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/andra                                                  login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/andra [inställt]                                       login  409    404    409    409    404    404
  POST /:county/evenemang/:eventId/andra                                                  login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/publicera (uses up)                                    login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/publicera [publicerat]                                 login  409    404    409    409    404    404
  POST /:county/evenemang/:eventId/inspelning                                             login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/stall-in                                               login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/stall-in (uses up)                                     login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/stall-in [inställt]                                    login  409    404    409    409    404    404
  GET  /:county/evenemang/:eventId/anmalda                                                login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/anmalda.xlsx                                           login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/anmalda.csv                                            login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/narvaro                                                login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/meddelande                                             login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/meddelande                                             login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/anmalda/ny                                             login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/anmalda/ny                                             login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/anmalda/:registrationId/avboka                         login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/anmalda/:registrationId/avboka (uses up)               login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/anmalda/:registrationId/avboka [avbokad]               login  409    404    409    409    404    404
  GET  /:county/evenemang/:eventId/anmalda/:registrationId/ge-plats                       login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/anmalda/:registrationId/ge-plats (uses up)             login  ok     404    ok     ok     404    404

  GET  /:county/evenemang/formular                                                        login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/formular/nytt                                                   login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/nytt                                                   login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/formular/:questionnaireId                                       login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/formular/:questionnaireId/version/:version                      login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/rubrik                                login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/fardiga-fragor                        login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/avsnitt                               login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/avsnitt/:sectionId                    login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/formular/:questionnaireId/avsnitt/:sectionId/ta-bort            login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/avsnitt/:sectionId/ta-bort (removes)  login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/avsnitt/:sectionId/flytta             login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/avsnitt/:sectionId/fragor             login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/fragor/:questionId                    login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/formular/:questionnaireId/fragor/:questionId/ta-bort            login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/fragor/:questionId/ta-bort (removes)  login  ok     404    ok     ok     404    404
  POST /:county/evenemang/formular/:questionnaireId/fragor/:questionId/flytta             login  ok     404    ok     ok     404    404
  GET  /:county/evenemang/:eventId/utvardering                                            login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/utvardering                                            login  ok     404    ok     ok     404    404
  POST /:county/evenemang/:eventId/utvardering [inställt]                                 login  409    404    409    409    404    404

  GET  /nyheter                                                                           ok     ok     ok     ok     ok     ok     ok
  GET  /nyheter/flode.atom                                                                ok     ok     ok     ok     ok     ok     ok
  GET  /nyheter/flode.rss                                                                 ok     ok     ok     ok     ok     ok     ok
  GET  /nyheter/:slug                                                                     ok     ok     ok     ok     ok     ok     ok
  GET  /:county/nyheter                                                                   ok     ok     ok     ok     ok     ok     ok
  GET  /:county/nyheter/flode.atom                                                        ok     ok     ok     ok     ok     ok     ok
  GET  /:county/nyheter/flode.rss                                                         ok     ok     ok     ok     ok     ok     ok
  GET  /:county/nyheter/:slug                                                             ok     ok     ok     ok     ok     ok     ok
  GET  /sitemap.xml                                                                       ok     ok     ok     ok     ok     ok     ok
  GET  /:county/sitemap.xml                                                               ok     ok     ok     ok     ok     ok     ok
  GET  /robots.txt                                                                        ok     ok     ok     ok     ok     ok     ok

  GET  /:county/redaktion/nyheter                                                         login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/nyheter/ny                                                      login  ok     404    ok     ok     404    404
  POST /:county/redaktion/nyheter/ny                                                      login  ok     404    ok     ok     404    404
  GET  /:county/redaktion/nyheter/:newsId                                                 login  ok     404    ok     ok     404    404
  POST /:county/redaktion/nyheter/:newsId                                                 login  ok     404    ok     ok     404    404
  POST /:county/redaktion/nyheter/:newsId/avpublicera (uses up)                           login  ok     404    ok     ok     404    404
  POST /:county/redaktion/nyheter/:newsId/avpublicera [utkast]                            login  409    404    409    409    404    404
  POST /:county/redaktion/nyheter/:newsId/ta-bort (removes)                               login  ok     404    ok     ok     404    404
  POST /:county/redaktion/nyheter/:newsId/ta-bort [publicerad]                            login  409    404    409    409    404    404
  GET  /:county/redaktion/varningar                                                       login  ok     404    ok     404    404    404
  GET  /:county/redaktion/varningar/ny                                                    login  ok     404    ok     404    404    404
  POST /:county/redaktion/varningar/ny                                                    login  ok     404    ok     404    404    404
  GET  /:county/redaktion/varningar/:bannerId                                             login  ok     404    ok     404    404    404
  POST /:county/redaktion/varningar/:bannerId                                             login  ok     404    ok     404    404    404
  POST /:county/redaktion/varningar/:bannerId/avsluta (uses up)                           login  ok     404    ok     404    404    404
  POST /:county/redaktion/varningar/:bannerId/avsluta [avslutad]                          login  409    404    409    404    404    404

  GET  /nationellt/redaktion                                                              login  ok     ok     403    403    403    403
  GET  /nationellt/redaktion/nyheter                                                      login  ok     ok     403    403    403    403
  GET  /nationellt/redaktion/nyheter/ny                                                   login  ok     ok     403    403    403    403
  POST /nationellt/redaktion/nyheter/ny                                                   login  ok     ok     403    403    403    403
  GET  /nationellt/redaktion/nyheter/:newsId                                              login  ok     ok     403    403    403    403
  POST /nationellt/redaktion/nyheter/:newsId                                              login  ok     ok     403    403    403    403
  POST /nationellt/redaktion/nyheter/:newsId/avpublicera (uses up)                        login  ok     ok     403    403    403    403
  POST /nationellt/redaktion/nyheter/:newsId/ta-bort (removes)                            login  ok     ok     403    403    403    403
  GET  /nationellt/redaktion/varningar                                                    login  ok     ok     403    403    403    403
  GET  /nationellt/redaktion/varningar/ny                                                 login  ok     ok     403    403    403    403
  POST /nationellt/redaktion/varningar/ny                                                 login  ok     ok     403    403    403    403
  GET  /nationellt/redaktion/varningar/:bannerId                                          login  ok     ok     403    403    403    403
  POST /nationellt/redaktion/varningar/:bannerId                                          login  ok     ok     403    403    403    403
  POST /nationellt/redaktion/varningar/:bannerId/avsluta (uses up)                        login  ok     ok     403    403    403    403

`);

/** Parses the spec: a header line, then `METHOD route [state] (note) cell × 7` per line. */
function table(text: string): Row[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('route'));
  return lines.map((line) => {
    const note = /\(([^)]*)\)/.exec(line)?.[1];
    const state = /\[([^\]]*)\]/.exec(line)?.[1];
    const tokens = line
      .replace(/\([^)]*\)/, '')
      .replace(/\[[^\]]*\]/, '')
      .split(/\s+/);
    const [method, route, ...cells] = tokens;
    if ((method !== 'GET' && method !== 'POST') || !route || cells.length !== everyone.length)
      throw new Error(`Raden går inte att läsa: ${line}`);
    return {
      method,
      route,
      state,
      cells: Object.fromEntries(
        everyone.map((w, i) => {
          const c = cells[i]!;
          return [w, c === 'ok' || c === 'login' ? c : Number(c)];
        }),
      ) as Record<Who, Cell>,
      freshIds: /removes|uses up/.test(note ?? ''),
      freshSession: /signs out/.test(note ?? ''),
    };
  });
}

/** Routes whose parameter is a token from an e-mail. */
const TOKEN_ROUTES = [
  '/inbjudan',
  '/aterstall-losenord',
  '/inloggningslank',
  // an event registration's offer link, then its personal link (the longer prefix first)
  '/anmalan/erbjudande',
  '/anmalan',
  // an event's evaluation link (evaluation mail)
  '/utvardering',
] as const;

/** The three places a route is tried: its own county (or national) ids, another county's, foreign ids. */
type Place = 'own' | 'other' | 'foreign';

const isCountyRoute = (route: string) => route.startsWith('/:county');
/** An internal page of a council (its work room), where the council decides who gets in after the gate. */
const isCouncilRoom = (route: string) => route.startsWith('/:county/rad/:councilSlug/');
const hasIds = (route: string) => /:(?!county\b)[a-zA-Z]+/.test(route);

/** What the row expects of one actor in one place, by the rules above. */
function expected(row: Row, who: Who, place: Place, access: RouteAccess['kind']): Cell | 'refused' {
  const cell = row.cells[who];
  if (place === 'own' || cell === 'login') return cell;
  if (access === 'public') {
    if (place === 'other') return cell;
    // A token that does not exist: 404, or 400 where the empty form is refused before the token is read.
    return row.method === 'POST' ? 'refused' : 404;
  }
  if (place === 'other') return who === 'system_admin' ? cell : 404;
  // foreign ids
  if (isCountyRoute(row.route)) return 404;
  return cell === 'ok' ? 404 : cell;
}

function matches(row: Row, cell: Cell | 'refused', page: Page, url: string): boolean {
  if (cell === 'refused') return page.status === 400 || page.status === 404;
  if (cell === 'login') {
    // After signing in one returns to the page asked for; a refused form returns to its own address where
    // that is a page too (the test sends no Referer), else to the start page.
    const formPage = spec.some((r) => r.method === 'GET' && r.route === row.route);
    const next = row.method === 'GET' ? url : formPage ? url.split('?')[0]! : '/';
    return page.status === 303 && page.location === `/logga-in?next=${encodeURIComponent(next)}`;
  }
  if (cell === 'ok')
    return row.method === 'GET' ? page.status === 200 : [303, 400, 409].includes(page.status);
  return page.status === cell;
}

describe('every route, for every role, with real ids', () => {
  let t: TestApp;
  let make: Factories;
  let makeEvents: EventFactories;
  let makeEvaluations: EvaluationFactories;
  const users = new Map<Role, TestUser>();
  const clients = new Map<Who, TestClient>();
  const tokens = new Map<Who, string>();
  /** Route parameters per place and state; see `paramsFor`. */
  let world: Awaited<ReturnType<typeof buildWorld>>;
  /** The events organiser's pages: an event, a series and registrations in each county (see organiserWorld). */
  let events: OrganiserWorld;

  /** A financing line and a milestone of a council's intervention. */
  async function lineAndMilestone(countyCode: string, councilId: string, interventionId: string) {
    const db = t.app.deps.db;
    const admin = users.get('system_admin')!.actor;
    const line = await addFinancingLine(db, admin, countyCode, councilId, interventionId, {
      funderOrganisationId: (await findCountyBoard(db, countyCode))!.id,
      amountSek: '100000',
      fromOn: '2024-01-01',
    });
    const milestone = await addMilestone(db, admin, countyCode, councilId, interventionId, {
      title: 'Kursen lanserad',
      dueOn: '2025-06-30',
    });
    return { lineId: line.id, milestoneId: milestone.id };
  }

  /** A news item (published, or a draft) or a banner (coming, or ended), of a county or national, made by the system admin. */
  async function siteThing(
    countyCode: string | null,
    kind: 'published' | 'draft' | 'banner' | 'ended',
  ): Promise<Record<string, string>> {
    const db = t.app.deps.db;
    const admin = users.get('system_admin')!.actor;
    if (kind === 'banner' || kind === 'ended') {
      const banner = await createBanner(db, admin, countyCode ?? 'all', {
        level: 'warning',
        message: 'Storm i testet',
        linkUrl: null,
        linkText: null,
        // Not yet in force (it may still be changed and ended): a banner in force would show on every page
        // of the other test files sharing the database.
        startsAt: new Date(Date.now() + 24 * 3_600_000),
        endsAt: new Date(Date.now() + 48 * 3_600_000),
        countyCode,
      });
      if (kind === 'ended') await endBanner(db, admin, countyCode ?? 'all', banner.id);
      return { bannerId: banner.id };
    }
    const news = await createNews(db, admin, countyCode, {
      title: `Nyhet i testet ${randomUUID().slice(0, 8)}`,
      slug: '',
      summary: 'Ingress',
      body: 'Text',
      themeKeys: [],
      imageFileId: null,
      imageAlt: '',
      publish: kind === 'published' ? { mode: 'now' } : { mode: 'draft' },
      expiresAt: null,
    });
    return { newsId: news.id, slug: news.slug };
  }

  async function buildWorld() {
    // Uppsala: its own round, a submitted answer to review, a municipality that never started, a draft picture.
    const uppsala = await make.response({ county: '03', municipality: '0381', status: 'submitted' });
    // The reporter (of Uppsala kommun, 0380) answers in the same round.
    const assignment = await make.response({ round: uppsala, municipality: '0380', status: 'draft' });
    // Västernorrland: the same kinds of things, for the other county and for foreign ids.
    const vnorr = await make.response({ county: '22', municipality: '2281', status: 'submitted' });
    // A national round in which Uppsala has submitted its regional picture and Västernorrland has not.
    const national = await make.response({
      national: true,
      municipality: '0380',
      status: 'approved',
      pictureSubmitted: true,
    });
    const notShared = await make.round({ shareAnswersNationally: false });
    const [qNational, qUppsala, qVnorr] = await Promise.all([
      make.questionnaire(),
      make.questionnaire({ county: '03' }),
      make.questionnaire({ county: '22' }),
    ]);
    const invitation = await make.invitation({ county: '03' });
    // An event with places, whose registrations' personal links the registrant's pages take.
    const registrationEvent = await makeEvents.event({ capacity: 50 });
    const reset = await make.passwordReset(await make.user('reporter', { municipalityCode: '0382' }));
    const linkOwner = await make.user('reporter', { municipalityCode: '0382' });
    const questionnaire = (q: typeof qNational) => ({
      questionnaireId: q.id,
      version: String(q.version),
      sectionId: q.sectionId,
      questionId: q.questionId,
    });
    const never = await make.user('reporter', { municipalityCode: '0382' });
    const county = {
      own: {
        county: 'uppsala',
        roundId: uppsala.round.id,
        occasionId: uppsala.occasion.id,
        responseId: uppsala.response.id,
        organisationId: never.actor.memberships[0]!.organisationId,
        ...questionnaire(qUppsala),
      },
      vnorr: {
        county: 'vasternorrland',
        roundId: vnorr.round.id,
        occasionId: vnorr.occasion.id,
        responseId: vnorr.response.id,
        organisationId: vnorr.organisation.id,
        ...questionnaire(qVnorr),
      },
    };
    events = await organiserWorld(t.app, users.get('county_admin')!);
    Object.assign(county.own, events.ids.own);
    Object.assign(county.vnorr, events.ids.vnorr);
    // The public pages of a published event in each county (their slugs differ: another county's is 404).
    Object.assign(county.own, { eventSlug: registrationEvent.slug });
    Object.assign(county.vnorr, { eventSlug: (await makeEvents.event({ county: '22' })).slug });
    // A council's public page in each county (another county's address is 404).
    // The council member of the columns sits in Uppsala's council (its first body), so it sees the internal
    // pages; the council body's id is `bodyId`.
    const councilIn = async (countyCode: string) => {
      const db = t.app.deps.db;
      const admin = users.get('system_admin')!.actor;
      const board = (await findCountyBoard(db, countyCode))!;
      const council = await formCouncil(
        db,
        admin,
        countyCode,
        {
          name: `Råd för social hållbarhet ${countyCode}`,
          formedOn: '2024-01-01',
          // The public page's contact form goes to the secretariat.
          secretariatEmail: `kansli.${countyCode}@lansstyrelsen.example`,
        },
        { conveningOrganisationId: board.id },
      );
      const { tree, members } = await councilOverview(db, countyCode, council.id);
      const body = tree[0]!;
      if (countyCode === '03')
        await addRepresentative(db, admin, countyCode, council.id, body.id, {
          organisationId: board.id,
          name: 'Rådsledamot i testet',
          email: users.get('council_member')!.email,
          role: 'member',
        });
      // Another person of the council body, whose role the matrix changes (`personId`).
      const person = await addRepresentative(db, admin, countyCode, council.id, body.id, {
        organisationId: board.id,
        name: 'Ersättare i testet',
        role: 'deputy',
      });
      // The year plan's first step (the year's four made at once).
      const [step] = await createYearSteps(db, admin, countyCode, council.id, 2026);
      // A priority with an area and an intervention owned by the county board (the council member's own).
      const priority = await addPriority(db, admin, countyCode, council.id, {
        name: 'Mäns våld mot kvinnor',
        validFrom: '2024-01-01',
      });
      const area = await addInterventionArea(db, admin, countyCode, council.id, priority.id, {
        name: 'Kunskap om våld',
      });
      const intervention = await addIntervention(db, admin, countyCode, council.id, {
        areaId: area.id,
        name: 'Webbkurs om våld',
        ownerOrganisationId: board.id,
      });
      // A financing line and a milestone of the intervention (`lineId`, `milestoneId`; fresh ones where removed).
      const { lineId, milestoneId } = await lineAndMilestone(countyCode, council.id, intervention.id);
      const strategy = await addStrategy(db, admin, countyCode, council.id, {
        name: 'Strategi för ett jämställt och jämlikt län',
        fromYear: 2024,
        toYear: 2030,
      });
      // Its meeting with an agenda item, a decision and a document (its slug, id and body too).
      const work = await councilWork(t.app, admin, countyCode, council);
      return {
        ...work,
        memberId: members[0]!.id,
        personId: person.id,
        stepId: step!.id,
        year: '2026',
        strategyId: strategy.id,
        priorityId: priority.id,
        interventionId: intervention.id,
        lineId,
        milestoneId,
      };
    };
    // A published page of each county's site with a file, and a contact; its path for the public page.
    const site = async (countyCode: string) => {
      const made = await sitePageWorld(t.app, users.get('system_admin')!.actor, countyCode, 'Sidan i testet');
      return { ...made, '*': made.path };
    };
    Object.assign(county.own, await site('03'));
    Object.assign(county.vnorr, await site('22'));
    Object.assign(county.own, await councilIn('03'));
    Object.assign(county.vnorr, await councilIn('22'));
    // A council of Uppsala that is dissolved: nothing of it changes (409).
    const dissolved = await formCouncil(
      t.app.deps.db,
      users.get('system_admin')!.actor,
      '03',
      { name: 'Upplöst råd i testet', formedOn: '2020-01-01' },
      { conveningOrganisationId: (await findCountyBoard(t.app.deps.db, '03'))!.id },
    );
    await dissolveCouncil(t.app.deps.db, users.get('system_admin')!.actor, '03', dissolved.id, '2023-12-31');
    // The public pages' news and banners: a published item and a banner in force in each county and nationally.
    Object.assign(county.own, await siteThing('03', 'published'), await siteThing('03', 'banner'));
    Object.assign(county.vnorr, await siteThing('22', 'published'), await siteThing('22', 'banner'));
    const nationalSite = { ...(await siteThing(null, 'published')), ...(await siteThing(null, 'banner')) };
    return {
      county,
      countyStates: {
        ...events.states,
        // Uppsala's picture of the national round's occasion is submitted: final.
        inskickad: { roundId: national.round.id, occasionId: national.occasion.id },
        // Someone has answered Uppsala's round: it cannot be cancelled.
        besvarad: { roundId: uppsala.round.id },
        upplöst: { councilSlug: dissolved.slug },
        utkast: await siteThing('03', 'draft'),
        publicerad: { newsId: (county.own as Record<string, string>).newsId! },
        avslutad: await siteThing('03', 'ended'),
      } as Record<string, Record<string, string>>,
      assignment: {
        own: {
          occasionId: assignment.occasion.id,
          organisationId: assignment.organisation.id,
          sectionId: 'violence',
        },
        foreign: {
          occasionId: vnorr.occasion.id,
          organisationId: vnorr.organisation.id,
          sectionId: 'violence',
        },
      },
      nationalSite,
      national: {
        own: {
          ...nationalSite,
          roundId: national.round.id,
          occasionId: national.occasion.id,
          county: 'uppsala',
          ...questionnaire(qNational),
        },
        // A county's round, questionnaire and news item are not national. (The coordinator sees every county's
        // banners, so the foreign banner is one that does not exist.)
        foreign: { ...county.vnorr, bannerId: randomUUID() },
        states: {
          utkast: { roundId: national.round.id, occasionId: national.occasion.id, county: 'vasternorrland' },
          'delas inte': { roundId: notShared.round.id, occasionId: notShared.occasions[0]!.id },
        } as Record<string, Record<string, string>>,
      },
      tokens: {
        '/inbjudan': invitation.token,
        '/aterstall-losenord': reset.token,
        '/inloggningslank': (await make.loginLink(linkOwner)).token,
        '/anmalan/erbjudande': (await makeEvents.offer()).offerToken,
        '/anmalan': (await makeEvents.registration(registrationEvent)).token,
        '/utvardering': (await makeEvaluations.evaluationLink()).token,
      } satisfies Record<(typeof TOKEN_ROUTES)[number], string>,
      linkOwner,
      registrationEvent,
      // A published event's image (public) and a draft's (its county's organisers only), in Uppsala.
      files: Object.fromEntries(
        await Promise.all(
          (['published', 'draft'] as const).map(async (status) => {
            const { file } = await eventWithImage(t.app, {
              status,
              countyCode: '03',
              uploaderId: users.get('county_editor')!.id,
            });
            return [status, { id: file.id, variant: 'w480', name: urlNameOf(file) }];
          }),
        ),
      ) as Record<'published' | 'draft', Record<string, string>>,
      eventQuestionnaires: {
        own: await makeEvaluations.questionnaire('03'),
        vnorr: await makeEvaluations.questionnaire('22'),
      },
      mailId: invitation.mailId,
    };
  }

  /** The route's parameters in a place (and state); with `fresh`, a questionnaire of its own. */
  async function paramsFor(row: Row, place: Place, fresh: boolean): Promise<Record<string, string>> {
    const { route, state } = row;
    const tokenRoute = TOKEN_ROUTES.find((prefix) => route.startsWith(prefix));
    if (tokenRoute) {
      if (place !== 'own') return { token: 'ingen-sadan-token' };
      if (fresh && tokenRoute === '/anmalan')
        return { token: (await makeEvents.registration(world.registrationEvent)).token };
      if (fresh && tokenRoute === '/utvardering')
        return { token: (await makeEvaluations.evaluationLink()).token };
      if (fresh && tokenRoute === '/inloggningslank')
        return { token: (await make.loginLink(world.linkOwner)).token };
      return { token: world.tokens[tokenRoute] };
    }
    if (route.startsWith('/filer/')) {
      if (place !== 'own')
        return { id: '00000000-0000-4000-8000-000000000000', variant: 'w480', name: 'bild.png' };
      return state === 'opublicerad' ? world.files.draft : world.files.published;
    }
    if (route.startsWith('/admin/e-post/')) return { id: place === 'own' ? world.mailId : '1' };
    if (route.startsWith('/uppdrag'))
      return place === 'own' ? world.assignment.own : world.assignment.foreign;
    const countyOf = (p: Place) => (p === 'own' ? '03' : '22');
    // The national news items by their address (a county's is not national).
    if (route.startsWith('/nyheter/'))
      return { slug: place === 'own' ? world.nationalSite.slug! : 'finns-inte' };
    // A news item unpublished or removed, a banner ended, is one of its own.
    if (fresh && place !== 'foreign' && /\/:(newsId|bannerId)\//.test(route)) {
      const national = route.startsWith('/nationellt');
      const kind = route.endsWith('/avsluta') ? 'banner' : route.endsWith('/ta-bort') ? 'draft' : 'published';
      const base = national ? world.national.own : place === 'own' ? world.county.own : world.county.vnorr;
      return { ...base, ...(await siteThing(national ? null : countyOf(place), kind)) };
    }
    // A round closed, cancelled or removed is one of the actor's own (a test round where it is removed).
    const change = /\/:roundId\/(avsluta|stall-in|ta-bort)$/.exec(route)?.[1];
    if (fresh && change && place !== 'foreign') {
      const national = route.startsWith('/nationellt');
      const made = await make.round({
        ...(national ? {} : { county: countyOf(place) }),
        isTest: change === 'ta-bort',
      });
      if (national) return { ...world.national.own, roundId: made.round.id };
      return { ...(place === 'own' ? world.county.own : world.county.vnorr), roundId: made.round.id };
    }
    // A person removed from a council's body is one of its own.
    if (fresh && place !== 'foreign' && route.includes(':personId')) {
      const base = place === 'own' ? world.county.own : world.county.vnorr;
      const b = base as Record<string, string>;
      const person = await addRepresentative(
        t.app.deps.db,
        users.get('system_admin')!.actor,
        countyOf(place),
        b.councilId!,
        b.bodyId!,
        {
          organisationId: (await findCountyBoard(t.app.deps.db, countyOf(place)))!.id,
          name: 'Tas bort',
          role: 'member',
        },
      );
      return { ...base, personId: person.id };
    }
    // A financing line or a milestone removed from an intervention is one of its own.
    if (fresh && place !== 'foreign' && /:(lineId|milestoneId)\//.test(route)) {
      const base = (place === 'own' ? world.county.own : world.county.vnorr) as Record<string, string>;
      return { ...base, ...(await lineAndMilestone(countyOf(place), base.councilId!, base.interventionId!)) };
    }
    // A page unpublished, or a file removed from it, is one of its own.
    if (fresh && place !== 'foreign' && route.startsWith('/:county/redaktion/sidor/:pageId/'))
      return {
        ...(place === 'own' ? world.county.own : world.county.vnorr),
        ...(await sitePageWorld(t.app, users.get('system_admin')!.actor, countyOf(place), 'Egen sida')),
      };
    // An event published or cancelled, or a registration cancelled or given a place, is one of its own.
    if (fresh && place !== 'foreign' && route.startsWith('/:county/evenemang/:eventId/'))
      return {
        ...(place === 'own' ? world.county.own : world.county.vnorr),
        ...(await events.fresh(route, countyOf(place))),
      };
    // The events' questionnaires (owner 'events'): the county's own, another county's, or a fresh one.
    if (route.startsWith('/:county/evenemang/formular/')) {
      const own =
        fresh && place !== 'foreign' ? await makeEvaluations.questionnaire(countyOf(place)) : undefined;
      const base = place === 'own' ? world.county.own : world.county.vnorr;
      return {
        ...base,
        ...(place === 'foreign' ? { county: 'uppsala' } : {}),
        ...(place === 'own' ? world.eventQuestionnaires.own : world.eventQuestionnaires.vnorr),
        ...own,
      };
    }
    const freshQuestionnaire = async (countyCode: string | undefined) => {
      if (!fresh) return {};
      const q = await make.questionnaire(countyCode ? { county: countyCode } : {});
      return { questionnaireId: q.id, sectionId: q.sectionId, questionId: q.questionId };
    };
    if (route.startsWith('/nationellt')) {
      if (place !== 'own') return { ...world.national.foreign, ...(await freshQuestionnaire('22')) };
      return {
        ...world.national.own,
        ...(state ? world.national.states[state] : {}),
        ...(await freshQuestionnaire(undefined)),
      };
    }
    const base =
      place === 'own' ? world.county.own : place === 'other' ? world.county.vnorr : world.county.vnorr;
    return {
      ...base,
      // foreign ids under one's own county's address
      ...(place === 'foreign' ? { county: 'uppsala' } : {}),
      ...(state ? world.countyStates[state] : {}),
      ...(await freshQuestionnaire(countyOf(place))),
    };
  }

  const fill = (route: string, params: Record<string, string>) =>
    route
      .replace(/:([a-zA-Z]+)/g, (_, name: string) => {
        const value = params[name];
        if (value === undefined) throw new Error(`Inget värde för :${name} i ${route}`);
        return value;
      })
      // A county's public page by its path (the wildcard).
      .replace(/\*$/, () => params['*'] ?? '*');

  beforeAll(async () => {
    t = await buildTestApp();
    make = factories(t.app);
    makeEvents = eventFactories(t.app);
    makeEvaluations = evaluationFactories(t.app);
    clients.set('anonymous', new TestClient(t.app));
    for (const role of roles) {
      const user = await make.user(role, { countyCode: '03' });
      users.set(role, user);
      const client = new TestClient(t.app);
      await client.login(user.email, user.password);
      clients.set(role, client);
    }
    for (const w of everyone) tokens.set(w, await clients.get(w)!.csrfToken());
    world = await buildWorld();
  });
  afterAll(() => t.close());

  /** A copy of the actor's client (the same session, cookies of its own) and a CSRF token that fits it. */
  async function clientFor(w: Who, row: Row): Promise<{ client: TestClient; csrf: string }> {
    if (row.freshSession && w !== 'anonymous') {
      const user = users.get(w)!;
      const client = new TestClient(t.app);
      await client.login(user.email, user.password);
      return { client, csrf: await client.csrfToken() };
    }
    return { client: clients.get(w)!.clone(), csrf: tokens.get(w)! };
  }

  const accessOf = (row: Row): RouteAccess['kind'] => {
    const access = t.app.routeList.find((r) => r.method === row.method && r.url === row.route)?.access;
    if (!access) throw new Error(`${row.method} ${row.route} finns inte`);
    return access.kind;
  };

  it('every route declares who may call it', () => {
    const undeclared = t.app.routeList.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('the spec names every route, GET and POST, so none can slip in untested', () => {
    const routes = t.app.routeList
      .filter((r) => !r.url.startsWith('/static/') && (r.method === 'GET' || r.method === 'POST'))
      .map((r) => `${r.method} ${r.url}`);
    const specced = spec.filter((r) => !r.state).map((r) => `${r.method} ${r.route}`);
    expect([...new Set(specced)].sort()).toEqual([...new Set(routes)].sort());
    expect(t.app.routeList.filter((r) => r.method !== 'GET' && r.method !== 'POST')).toEqual([]);
  });

  it('the spec lets in exactly whom the routes’ access declarations let in', () => {
    const disagreements: string[] = [];
    for (const row of spec.filter((r) => !r.state)) {
      const access = t.app.routeList.find((r) => r.method === row.method && r.url === row.route)?.access;
      if (!access) continue;
      for (const w of everyone) {
        const actor: Actor = w === 'anonymous' ? { kind: 'anonymous' } : users.get(w)!.actor;
        const declared =
          access.kind === 'public'
            ? true
            : access.kind === 'signed-in'
              ? actor.kind === 'user'
              : actor.kind === 'user' &&
                (access.kind === 'county'
                  ? t.app.policies.can(actor, access.action, { countyCode: '03' })
                  : t.app.policies.canGlobal(actor, access.action));
        const cell = row.cells[w];
        const letIn = cell !== 'login' && cell !== 403 && cell !== 404;
        // In a council's work room the council refuses after the gate: a 404 there may be the seat's.
        if (declared && cell === 404 && isCouncilRoom(row.route)) continue;
        if (declared !== letIn) disagreements.push(`${w} ${row.method} ${row.route}: spec ${cell}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  for (const row of spec) {
    const places: Place[] =
      row.state !== undefined
        ? ['own']
        : [
            'own',
            ...(isCountyRoute(row.route) ? (['other'] as const) : []),
            ...(hasIds(row.route) ? (['foreign'] as const) : []),
          ];
    it(`${row.method} ${row.route}${row.state ? ` [${row.state}]` : ''}`, async () => {
      const wrong: string[] = [];
      for (const place of places) {
        const shared = await paramsFor(row, place, false);
        for (const w of everyone) {
          const url = fill(row.route, row.freshIds ? await paramsFor(row, place, true) : shared);
          const { client, csrf } = await clientFor(w, row);
          const page = row.method === 'GET' ? await client.get(url) : await client.post(url, { _csrf: csrf });
          const cell = expected(row, w, place, accessOf(row));
          if (!matches(row, cell, page, url))
            wrong.push(
              `${w} ${row.method} ${url} (${place}): ${page.status}${page.location ? ` → ${page.location}` : ''}, väntat ${cell}`,
            );
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('refuses every POST without a CSRF token, whoever sends it', async () => {
    const wrong: string[] = [];
    for (const row of spec.filter((r) => r.method === 'POST' && !r.state)) {
      const url = fill(row.route, await paramsFor(row, 'own', row.freshIds));
      for (const w of ['anonymous', 'system_admin'] as const) {
        const page = await clients.get(w)!.clone().post(url, {});
        if (page.status !== 403) wrong.push(`${w} POST ${url}: ${page.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers a Swedish 404 page for an address that matches no route', async () => {
    const page = await clients.get('anonymous')!.get('/finns-inte/alls');
    expect(page.status).toBe(404);
    expect(page.doc.querySelector('h1')?.text).toBe('Sidan hittades inte');
  });

  it('answers 404 for a county that does not exist', async () => {
    const page = await clients.get('system_admin')!.get('/atlantis/admin');
    expect(page.status).toBe(404);
    expect(page.doc.querySelector('h1')?.text).toBe('Sidan hittades inte');
  });
});
