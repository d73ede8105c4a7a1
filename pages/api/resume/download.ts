/**
 * GET /resume/download (rewritten here by next.config.js): streams the resume PDF
 * from the private bucket.
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
import { ResumeError, streamResume } from "@/lib/resume";
import { recordDownload } from "@/lib/visit-store";
import { utcDay } from "@/lib/visitor-hash";

// The body is a stream of any size; Next's 4 MB API response warning does not apply.
export const config = { api: { responseLimit: false } };

export default async function downloadResume(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "GET") {
    res.setHeader("Allow", "GET");
    res.status(405).json({ error: `${req.method ?? "This method"} is not allowed here; use GET.` });
    return;
  }
  let resume;
  try {
    resume = await streamResume();
  } catch (error) {
    if (!(error instanceof ResumeError)) throw error;
    res.status(error.status).json({ error: error.message });
    return;
  }
  res.writeHead(200, {
    "Content-Type": "application/pdf",
    "Content-Length": String(resume.contentLength),
    "Content-Disposition": `attachment; filename="${portfolio.resume.fileName}"`,
    "Cache-Control": "private, no-cache",
  });
  // pipeline() destroys both sides if either fails, so an aborted download frees the S3 socket.
  try {
    await pipeline(resume.body, res);
  } catch (error) {
    console.error("[resume] download interrupted:", error);
    return;
  }
  // Awaited: on Lambda the function may freeze as soon as this handler returns.
  if (!isbot(req.headers["user-agent"] ?? "")) {
    await recordDownload(utcDay()).catch((error: unknown) =>
      console.error("[resume] download not counted:", error),
    );
  }
}
