// Request headers proxy.ts sets for the app, named in one place. proxy.ts overwrites any
// value a client sent under these names, so the app can trust them.

/** The request method: a server component cannot see it, and HEAD requests must not count. */
export const METHOD_HEADER = "x-portfolio-method";

/** This request's CSP nonce, for the scripts our own components render (the JSON-LD block). */
export const NONCE_HEADER = "x-nonce";
