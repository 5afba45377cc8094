/**
 * The Content Security Policy every app:// response carries: scripts and styles only from the app itself, no
 * eval, no plugins, nothing remote. renderer/index.html carries the same policy as a meta tag for the browser
 * build; a test keeps the two in step.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The export check runs in a worker built into the app (renderer/features/transfer/check-export.ts).
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
