import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { readVisitSummary, recordVisit, type VisitSummary } from "./visits";
import { METHOD_HEADER } from "./visitor-request";

export type PageVisit = { status: "ok"; summary: VisitSummary } | { status: "unavailable" };

/**
 * Counts the current page request (if it is a human visit) and reads the totals.
 * React's cache() scopes this to one server render: however many components ask,
 * a request counts once. A failing counter never breaks the page.
 */
export const countPageVisit = cache(async (): Promise<PageVisit> => {
  const requestHeaders = await headers();
  try {
    await recordVisit({
      // proxy.ts passes the method on; without it (proxy not run) assume a page GET.
      method: requestHeaders.get(METHOD_HEADER) ?? "GET",
      headers: requestHeaders,
      behindCloudFront: process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined,
    });
    return { status: "ok", summary: await readVisitSummary() };
  } catch (error) {
    console.error("[visits] counter unavailable:", error);
    return { status: "unavailable" };
  }
});
