/**
 * GET|HEAD /resume/download (and /resume, inline), rewritten here by next.config.js.
 *
 * A Pages API route, not an App Router route handler: Next 16 removes Content-Length
 * from every Response a route handler returns (FORBIDDEN_HEADERS in
 * next/dist/server/send-response.js), so browsers could show no download size and
 * HEAD/Range answers could not state lengths. A Pages API route writes the Node
 * response itself, under `next start` and in the OpenNext bundle alike.
 */
import type { NextApiRequest, NextApiResponse } from "next";
import { isbot } from "isbot";
import { alertDownload } from "@/lib/alerts/download-alert";
import { errorSummary } from "@/lib/aws";
import { observeRequest } from "@/lib/observability/request-log";
import { serveResume } from "@/lib/resume/serve";
import { recordDownload } from "@/lib/visits/writes";

// The body is a stream of any size; Next's 4 MB API response warning does not apply.
export const config = { api: { responseLimit: false } };

export default async function downloadResume(req: NextApiRequest, res: NextApiResponse) {
  const finish = observeRequest("/resume/download", "DownloadLatency", {
    get: (name) => [req.headers[name] ?? []].flat()[0] ?? null,
  });
  const served = await serveResume(req, res).catch((error: unknown) => {
    // Unexpected: Next answers 500 (and logs the error); the request still gets its line.
    finish({ outcome: "error", status: 500, metrics: { DownloadErrors: 1 } });
    throw error;
  });
  if (served.completed && !isbot(req.headers["user-agent"] ?? "")) {
    served.metrics.ResumeDownloads = 1;
    // Awaited: on Lambda the function may freeze as soon as this handler returns.
    await recordDownload().catch((error: unknown) => console.error("[resume] download not counted:", error));
    // Off unless PORTFOLIO_DOWNLOAD_ALERT=on; a failed alert never fails the download.
    await alertDownload().catch((error: unknown) =>
      console.error("[resume] download alert not sent:", errorSummary(error)),
    );
  }
  finish(served);
}
