// Code the Router's viewer-request CloudFront Function runs first, before its routing:
// one injection, made of the steps below. Plain TypeScript, so the unit tests can run it
// on sample requests.
import { ORIGIN_HEADER } from "../lib/contact/keys";
import { CONTACT_PATH } from "../lib/contact/form";

/**
 * Routes whose answer does not depend on the query string. CloudFront's cache key
 * includes every query string (SST's cache policy), so `/api/visits?x=1`, `?x=2`… would
 * each miss the 5-second cache and cost a DynamoDB read of every shard. The Router's
 * viewer-request function drops the query on these before CloudFront computes the key.
 */
export const QUERYLESS_ROUTES = ["/api/visits", "/api/health"] as const;

/** CloudFront Function code (cloudfront-js-2.0): no query string on QUERYLESS_ROUTES. */
export const DROP_QUERY_INJECTION = `if (${JSON.stringify(QUERYLESS_ROUTES)}.includes(event.request.uri)) { event.request.querystring = {}; }`;

/**
 * CloudFront Function code that marks requests for the contact API. API Gateway's
 * execute-api URL is public too: CloudFront adds `secret` (derived from the form key) to
 * every request for the API, overwriting any value a client sent, and the function
 * refuses requests without it, so none skips the WAF.
 */
export function contactOriginInjection(secret: string): string {
  const uri = "event.request.uri";
  return [
    `if (${uri} === ${JSON.stringify(CONTACT_PATH)} || ${uri}.startsWith(${JSON.stringify(`${CONTACT_PATH}/`)})) {`,
    `  event.request.headers[${JSON.stringify(ORIGIN_HEADER)}] = { value: ${JSON.stringify(secret)} };`,
    `}`,
  ].join("\n");
}

/** The Router's one viewer-request injection: both steps, each on its own routes. */
export function viewerRequestInjection(originSecret: string): string {
  return [DROP_QUERY_INJECTION, contactOriginInjection(originSecret)].join("\n");
}
