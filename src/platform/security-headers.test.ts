import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it("are helmet's, worked out once: the CSP as configured, HSTS only when asked for", () => {
    const options = {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"] },
      },
    };
    const plain = securityHeaders({ ...options, strictTransportSecurity: false });
    expect(plain['content-security-policy']).toBe("default-src 'self';object-src 'none'");
    expect(plain['x-content-type-options']).toBe('nosniff');
    expect(plain['x-frame-options']).toBe('SAMEORIGIN');
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(securityHeaders(options)['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
