import type { FastifyServerOptions } from 'fastify';

const EMAIL = /[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+/g;
const PERSONNUMMER = /\b(19|20)?\d{6}[-+]?\d{4}\b/g;

/** Masks e-mail addresses and personal identity numbers in free text before it reaches a log or error column. */
export function redactPersonalData(text: string): string {
  // A failed query's message lists its parameters (answers, names, addresses): they never reach a log.
  return text
    .replace(/\nparams: [^\n]*/g, '\nparams: [utelämnade]')
    .replace(EMAIL, '[e-post]')
    .replace(PERSONNUMMER, '[nummer]');
}

/**
 * Technical log options: no IP addresses, no query strings, no bodies, no cookies. A request is logged by
 * its route pattern (/aterstall-losenord/:token), so tokens and ids in URLs never reach the log.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req(req: { method: string; routeOptions?: { url?: string }; url?: string }) {
        return { method: req.method, route: req.routeOptions?.url ?? 'unmatched' };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
      err(err: Error & { statusCode?: number; code?: string }) {
        return {
          type: err.name,
          code: err.code ?? '',
          statusCode: err.statusCode ?? 0,
          message: redactPersonalData(err.message),
          stack: redactPersonalData(err.stack ?? ''),
        };
      },
    },
  };
}
