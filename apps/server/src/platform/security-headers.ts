import type { App } from './http.js';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
].join('; ');

/**
 * The headers helmet would set, worked out once instead of on every request. The API docs page
 * needs inline scripts, so it keeps the CSP that its own plugin sets.
 */
export function securityHeaders(options: { hsts: boolean }): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(options.hsts ? { 'strict-transport-security': 'max-age=15552000; includeSubDomains' } : {}),
  };
}

export function registerSecurityHeaders(app: App, options: { hsts: boolean }): void {
  const headers = securityHeaders(options);
  const { 'content-security-policy': _csp, ...withoutCsp } = headers;

  app.addHook('onRequest', async (req, reply) => {
    reply.headers(req.url.startsWith('/api/docs') ? withoutCsp : headers);
  });
}
