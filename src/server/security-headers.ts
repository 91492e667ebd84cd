// Security headers on every response the server sends (the app's files, the API, errors).
// The policy is what the built app needs and no more: its own scripts only (no inline
// script, no eval), photos shown from blob: and data: URLs, workers from its own origin
// or blob:, and sync to any http(s) server the unit enters in Cài đặt (the endpoint is
// the user's choice, so connect-src cannot name it). Nothing may frame the app.
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' http: https:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // frame-ancestors for browsers that predate it.
  'X-Frame-Options': 'DENY',
};

// Registered first, so it also covers routes that answer without calling next() and
// the error handler's replies.
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
};
