// Request headers proxy.ts sets for the app, named in one place. proxy.ts overwrites any
// value a client sent under these names, so the app can trust them.

/** The request method: a server component cannot see it, and HEAD requests must not count. */
export const METHOD_HEADER = "x-portfolio-method";

/**
 * "1" when the raw request was a prefetch, else "0". Next strips its router headers
 * (`Next-Router-Prefetch`, `RSC`…) before `headers()`, so only proxy.ts can tell.
 */
export const PREFETCH_HEADER = "x-portfolio-prefetch";

/** This request's CSP nonce, for the scripts our own components render (the JSON-LD block). */
export const NONCE_HEADER = "x-nonce";

/** A router prefetch (`Next-Router-Prefetch`) or a browser's (`Purpose` / `Sec-Purpose: prefetch`). */
export function isPrefetchRequest(headers: Pick<Headers, "get">): boolean {
  if (headers.get("next-router-prefetch") !== null) return true;
  const purpose = `${headers.get("purpose") ?? ""} ${headers.get("sec-purpose") ?? ""}`.toLowerCase();
  return purpose.includes("prefetch");
}

/**
 * The page URL's attribution parameters (`via`, `utm_source`), as URL-encoded form, each
 * cut to 64 characters (longer ones are no valid value anyway): a server component sees
 * no URL, and the counter reads them from here (lib/insights/view-source.ts).
 */
export const ATTRIBUTION_HEADER = "x-portfolio-attribution";

/** The attribution parameters of a URL's query, for ATTRIBUTION_HEADER. */
export function attributionOf(query: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of ["via", "utm_source"]) {
    const value = query.get(name);
    if (value !== null) kept.set(name, value.slice(0, 64));
  }
  return kept.toString();
}
