import { createHash } from "node:crypto";

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
 * Styles need no 'unsafe-inline': Next links its CSS, and next/image's one inline
 * style attribute is allowed by its hash alone ('unsafe-hashes' covers attributes only).
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  const directives = [
    "default-src 'self'",
    // React's dev build evaluates source maps for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}' 'unsafe-hashes' '${NEXT_IMAGE_STYLE_HASH}'`,
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

// next/image puts `style="color:transparent"` on every <img> (next/dist/shared/lib/get-img-props.js).
const NEXT_IMAGE_STYLE_HASH = `sha256-${createHash("sha256").update("color:transparent").digest("base64")}`;

/** Headers every response carries, whatever it is: page, API answer or file. */
export function securityHeaders(nonce: string, options: { dev?: boolean } = {}) {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    // Two years, the value browsers' preload lists ask for.
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    // frame-ancestors supersedes this; it still protects browsers that predate CSP 2.
    "X-Frame-Options": "DENY",
  };
}
