// Serves one request for the resume: plans the answer (http.ts) from what is stored
// (storage.ts), then sends headers, the streamed body or a redirect, and says what
// happened. No `import "server-only"`: the Pages API download route is its caller.
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { portfolio } from "../content";
import type { RequestOutcome } from "../observability/request-log";
import { planResumeResponse, resumeRedirectAbove } from "./http";
import { presignResume, ResumeError, statResume, streamResume } from "./storage";

/** What the request got; `completed` when that was a whole file (or a redirect to one) for a GET. */
export type ServedResume = RequestOutcome & { completed: boolean };

type Request = Pick<IncomingMessage, "method" | "headers"> & { query: Partial<Record<string, unknown>> };

/**
 * Answers GET and HEAD (405 otherwise) with 200, 206, 304, 416 or 302, or 404 / 503
 * when the resume is missing or storage unreachable. Other errors are thrown: they are
 * bugs, for the framework to answer with a 500.
 */
export async function serveResume(req: Request, res: ServerResponse): Promise<ServedResume> {
  const ok = { completed: false, metrics: { DownloadErrors: 0 } };
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(
      res,
      405,
      { error: `${req.method ?? "This method"} is not allowed here; use GET.` },
      { Allow: "GET, HEAD" },
    );
    return { ...ok, outcome: "method-not-allowed", status: 405 };
  }
  try {
    const plan = planResumeResponse(
      {
        method: req.method,
        range: header(req, "range"),
        ifNoneMatch: header(req, "if-none-match"),
        ifRange: header(req, "if-range"),
        inline: req.query.inline === "1",
      },
      await statResume(),
      { fileName: portfolio.resume.fileName, redirectAbove: resumeRedirectAbove() },
    );
    const served = { ...ok, outcome: plan.kind, status: plan.status };
    if (plan.kind === "redirect") {
      res.writeHead(302, { ...plan.headers, Location: await presignResume(plan.disposition) }).end();
      // A redirect to the whole file is a download; its HEAD is not.
      return req.method === "HEAD" ? { ...served, outcome: "headers-only" } : { ...served, completed: true };
    }
    // Neither HEAD, 304 nor 416 is a download.
    if (plan.kind !== "body" || req.method === "HEAD") {
      res.writeHead(plan.status, plan.headers).end();
      return { ...served, outcome: "headers-only" };
    }
    const object = await streamResume({ range: plan.range, etag: plan.headers.ETag });
    res.writeHead(plan.status, plan.headers);
    try {
      // pipeline() destroys both sides if either fails, so an aborted download frees the S3 socket.
      await pipeline(object.body, res);
    } catch (error) {
      console.error("[resume] download interrupted:", error);
      return { ...served, outcome: "interrupted" };
    }
    const metrics = { ...served.metrics, DownloadBytes: Number(plan.headers["Content-Length"]) };
    // A viewer fetching a piece is not a download.
    return { ...served, metrics, completed: plan.status === 200 };
  } catch (error) {
    if (!(error instanceof ResumeError)) throw error;
    // A missing resume is the owner's to fix, not an outage: only 503s count as errors.
    const failed = { ...ok, status: error.status, metrics: { DownloadErrors: error.status === 503 ? 1 : 0 } };
    if (res.headersSent) {
      res.destroy();
      return { ...failed, outcome: "interrupted" };
    }
    sendJson(res, error.status, { error: error.message }, error.status === 503 ? { "Retry-After": "5" } : {});
    return { ...failed, outcome: error.status === 404 ? "missing" : "unavailable" };
  }
}

function sendJson(res: ServerResponse, status: number, body: object, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function header(req: Pick<IncomingMessage, "headers">, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
