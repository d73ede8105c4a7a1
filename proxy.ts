/**
 * Next 16's request proxy (formerly middleware): runs before every request, under
 * `next start` and in the OpenNext Lambda bundle.
 *
 * - Security headers on every response, pages, the resume download and files alike.
 *   The nonce goes on the request too: Next reads the request's Content-Security-Policy
 *   to put the nonce on the scripts it renders, and NONCE_HEADER hands it to our own
 *   components (the JSON-LD block).
 * - The request method, for visit counting: a server component cannot see it, and HEAD
 *   requests must not count, so it travels on as a request header; any value a client
 *   sent under that name is overwritten.
 * - Whether the request is a prefetch, for visit counting, passed on the same way: Next
 *   removes its router headers (`Next-Router-Prefetch`…) before `headers()`, and from the
 *   request this proxy sees too unless `skipProxyUrlNormalize` is set (next.config.js).
 * - The URL's attribution parameters (`?via=`, `utm_source`), for the owner's insights,
 *   passed on the same way: a server component sees no URL.
 * - 405 for methods a page does not serve (PUT, POST, DELETE, PATCH…).
 */
import { type NextRequest, NextResponse } from "next/server";
import { createNonce, securityHeaders } from "@/lib/security-headers";
import {
  ATTRIBUTION_HEADER,
  attributionOf,
  isPrefetchRequest,
  METHOD_HEADER,
  NONCE_HEADER,
  PREFETCH_HEADER,
} from "@/lib/request-headers";

// The site's pages only read. The API routes and the download (`/resume…` is rewritten to
// one) answer other methods themselves, with their own 405, log line and metrics.
const PAGE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ANSWERS_ITS_OWN_METHODS = /^\/(api\/|resume(\/download)?$)/;

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders(nonce, { dev: process.env.NODE_ENV === "development" });

  // A PUT or DELETE on a page would otherwise render it (200) for nothing: refuse it
  // before any rendering, as HTTP asks of a method the resource does not support.
  if (!PAGE_METHODS.has(request.method) && !ANSWERS_ITS_OWN_METHODS.test(request.nextUrl.pathname)) {
    return new NextResponse("Method Not Allowed\n", {
      status: 405,
      headers: { ...headers, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" },
    });
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  requestHeaders.set(METHOD_HEADER, request.method);
  requestHeaders.set(PREFETCH_HEADER, isPrefetchRequest(request.headers) ? "1" : "0");
  requestHeaders.set(ATTRIBUTION_HEADER, attributionOf(request.nextUrl.searchParams));

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
