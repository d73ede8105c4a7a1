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
import { dailyVisitor } from "@/lib/visits/salt";
import { clientOf } from "@/lib/visits/visitor";
import { recordDownload } from "@/lib/visits/writes";

// The body is a stream of any size; Next's 4 MB API response warning does not apply.
export const config = { api: { responseLimit: false } };

export default async function downloadResume(req: NextApiRequest, res: NextApiResponse) {
  const headers = { get: (name: string) => [req.headers[name] ?? []].flat()[0] ?? null };
  const finish = observeRequest("/resume/download", "DownloadLatency", headers);
  const served = await serveResume(req, res).catch((error: unknown) => {
    // Unexpected: Next answers 500 (and logs the error); the request still gets its line.
    finish({ outcome: "error", status: 500, metrics: { DownloadErrors: 1 } });
    throw error;
  });
  if (served.completed && !isbot(req.headers["user-agent"] ?? "")) {
    // Once per visitor per day (a whole file or a redirect to one). Awaited: on Lambda the
    // function may freeze as soon as this handler returns.
    const { clientIp, userAgent } = clientOf(headers, process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined);
    const counted = await dailyVisitor(clientIp, userAgent)
      .then(recordDownload)
      .catch((error: unknown) => {
        console.error("[resume] download not counted:", error);
        return undefined;
      });
    served.metrics.ResumeDownloads = counted === false ? 0 : 1;
    // Not for the visitor's repeat downloads of the day. Off unless PORTFOLIO_DOWNLOAD_ALERT=on;
    // a failed alert never fails the download.
    if (counted !== false)
      await alertDownload().catch((error: unknown) =>
        console.error("[resume] download alert not sent:", errorSummary(error)),
      );
  }
  finish(served);
}
