// Code the Router's viewer-request CloudFront Function runs first, before its routing.
// Plain TypeScript, so the unit tests can run it on sample requests.

/**
 * Routes whose answer does not depend on the query string. CloudFront's cache key
 * includes every query string (SST's cache policy), so `/api/visits?x=1`, `?x=2`… would
 * each miss the 5-second cache and cost a DynamoDB read of every shard. The Router's
 * viewer-request function drops the query on these before CloudFront computes the key.
 */
export const QUERYLESS_ROUTES = ["/api/visits", "/api/health"] as const;

/** CloudFront Function code (cloudfront-js-2.0), run first in the Router's viewer-request function. */
export const DROP_QUERY_INJECTION = `if (${JSON.stringify(QUERYLESS_ROUTES)}.includes(event.request.uri)) { event.request.querystring = {}; }`;
