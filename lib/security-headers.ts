// Used by proxy.ts, which Next runs before every request (under `next start` and in the
// OpenNext bundle alike). Kept free of Next imports so unit tests can read the policy.

/** A fresh, unguessable nonce: 128 random bits, base64 as CSP's nonce-source expects. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The Content-Security-Policy for one response. Scripts run only with this request's
 * nonce: Next reads it from the request's CSP header and puts it on every script it
 * renders; 'strict-dynamic' lets those scripts load the chunks they import.
 * Styles need no 'unsafe-inline' either: Next links its CSS and nonces what it inlines.
 * So no component may render a style attribute (components/portfolio/project-image.tsx
 * drops the one next/image adds).
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  const directives = [
    "default-src 'self'",
    // `next dev` only: React's dev build uses eval for its error stacks, and Next's dev
    // overlay injects un-nonced <style> elements. Production needs neither.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/**
 * The headers that are the same on every response. CloudFront's response-headers policy
 * (infra/edge.ts) adds them to the files it serves from S3, which never reach proxy.ts.
 */
export const STATIC_SECURITY_HEADERS = {
  // Two years, the value browsers' preload lists ask for.
  hstsMaxAgeSeconds: 63_072_000,
  referrerPolicy: "strict-origin-when-cross-origin",
  permissionsPolicy: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  // frame-ancestors supersedes this; it still protects browsers that predate CSP 2.
  frameOptions: "DENY",
} as const;

/** Headers every response carries, whatever it is: page, API answer or file. */
export function securityHeaders(nonce: string, options: { dev?: boolean } = {}) {
  const fixed = STATIC_SECURITY_HEADERS;
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    "Strict-Transport-Security": `max-age=${fixed.hstsMaxAgeSeconds}; includeSubDomains; preload`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": fixed.referrerPolicy,
    "Permissions-Policy": fixed.permissionsPolicy,
    "X-Frame-Options": fixed.frameOptions,
  };
}
