/**
 * GET|HEAD /resume/download (and /resume, inline), rewritten here by next.config.js:
 * the resume PDF from the private bucket, with ETag/304, Range/206/416, and a
 * redirect to a short-lived S3 URL for files too big for a Lambda response.
 *
 * Why a Pages API route and not an App Router route handler: Next 16 removes
 * Content-Length from every Response a route handler returns (FORBIDDEN_HEADERS in
 * next/dist/server/send-response.js), so browsers could show no download size and
 * HEAD/Range answers could not state lengths. A Pages API route writes the Node
 * response itself, under `next start` and in the OpenNext bundle alike.
 */
import type { NextApiRequest, NextApiResponse } from "next";
import { pipeline } from "node:stream/promises";
import { isbot } from "isbot";
import { portfolio } from "@/lib/content";
import type { MetricValues } from "@/lib/metrics";
import { observeRequest } from "@/lib/observe-request";
import { presignResume, ResumeError, statResume, streamResume } from "@/lib/resume";
import { planResumeResponse } from "@/lib/resume-http";
import { resumeRedirectAbove } from "@/lib/resume-object";
import { recordDownload } from "@/lib/visit-store";
import { utcDay } from "@/lib/visitor-hash";

// The body is a stream of any size; Next's 4 MB API response warning does not apply.
export const config = { api: { responseLimit: false } };

type Served = { outcome: string; status: number; metrics: MetricValues };

export default async function downloadResume(req: NextApiRequest, res: NextApiResponse) {
  const finish = observeRequest("/resume/download", "DownloadLatency", {
    get: (name) => header(req, name) ?? null,
  });
  let served: Served;
  try {
    served = await serveResume(req, res);
  } catch (error) {
    // Unexpected: Next answers 500 (and logs the error); the request still gets its line.
    finish({ outcome: "error", status: 500, metrics: { DownloadErrors: 1 } });
    throw error;
  }
  finish(served);
}

async function serveResume(req: NextApiRequest, res: NextApiResponse): Promise<Served> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    res.status(405).json({ error: `${req.method ?? "This method"} is not allowed here; use GET.` });
    return { outcome: "method-not-allowed", status: 405, metrics: { DownloadErrors: 0 } };
  }
  let sent: Served;
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
    const headers =
      plan.kind === "redirect"
        ? { ...plan.headers, Location: await presignResume(plan.disposition) }
        : plan.headers;
    sent = { outcome: plan.kind, status: plan.status, metrics: { DownloadErrors: 0 } };
    if (plan.kind !== "body" || req.method === "HEAD") {
      res.writeHead(plan.status, headers).end();
      // Neither HEAD, 304 nor 416 is a download; a redirect to the file is.
      if (plan.kind !== "redirect" || req.method === "HEAD") return { ...sent, outcome: "headers-only" };
    } else {
      const object = await streamResume({ range: plan.range, etag: plan.headers.ETag });
      res.writeHead(plan.status, headers);
      try {
        // pipeline() destroys both sides if either fails, so an aborted download frees the S3 socket.
        await pipeline(object.body, res);
      } catch (error) {
        console.error("[resume] download interrupted:", error);
        return { ...sent, outcome: "interrupted" };
      }
      sent.metrics.DownloadBytes = Number(plan.headers["Content-Length"]);
      if (plan.status === 206) return sent; // a viewer fetching a piece is not a download
    }
  } catch (error) {
    if (!(error instanceof ResumeError)) throw error;
    const failed = { outcome: error.status === 404 ? "missing" : "unavailable", status: error.status };
    // A missing resume is the owner's to fix, not an outage: only 503s count as errors.
    const metrics = { DownloadErrors: error.status === 503 ? 1 : 0 };
    if (res.headersSent) {
      res.destroy();
      return { ...failed, outcome: "interrupted", metrics };
    }
    if (error.status === 503) res.setHeader("Retry-After", "5");
    res.status(error.status).json({ error: error.message });
    return { ...failed, metrics };
  }
  // A completed full download, or a redirect to one. Awaited: on Lambda the function
  // may freeze as soon as this handler returns.
  if (!isbot(req.headers["user-agent"] ?? "")) {
    sent.metrics.ResumeDownloads = 1;
    await recordDownload(utcDay()).catch((error: unknown) =>
      console.error("[resume] download not counted:", error),
    );
  }
  return sent;
}

function header(req: NextApiRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
