// The resume in the private bucket: what is stored, its bytes, a presigned URL. No
// `import "server-only"`: the download is a Pages API route (see
// pages/api/resume/download.ts), and Next's Pages bundles reject that marker (the lint
// rule keeps components/ away). Only the download and the health check load the S3
// client: rendering / never does (about 390 KB of SDK on a cold start, docs/performance.md).
import { Agent } from "node:http";
import { Readable } from "node:stream";
import { GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Resource } from "sst";
import { timeouts } from "../aws";
import { RESUME_KEY } from "./key";

export const s3 = new S3Client({
  maxAttempts: 2,
  requestHandler: { ...timeouts, httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) },
  // The S3 emulator on loopback has no DNS for bucket subdomains: address buckets by path.
  forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
});

/** What S3 says about the stored resume. */
export type StoredResume = { size: number; etag: string; lastModified: Date };

/** A failure the download route turns into an HTTP status and a short message. */
export class ResumeError extends Error {
  constructor(
    message: string,
    readonly status: 404 | 503,
  ) {
    super(message);
    this.name = "ResumeError";
  }
}

export type ResumeStream = { body: Readable; contentLength: number };

/** Size, ETag and Last-Modified of the stored resume (HeadObject); `abortSignal` bounds the wait. */
export async function statResume(abortSignal?: AbortSignal): Promise<StoredResume> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: Resource.Resume.name, Key: RESUME_KEY }), {
      abortSignal,
    });
    if (head.ContentLength === undefined || !head.ETag || !head.LastModified) {
      throw new ResumeError("The resume store returned an unexpected answer.", 503);
    }
    return { size: head.ContentLength, etag: head.ETag, lastModified: head.LastModified };
  } catch (error) {
    throw toResumeError(error);
  }
}

/**
 * Opens the resume (or one byte range of it) as a stream straight off the S3 socket;
 * nothing is buffered. `etag` makes S3 refuse if the object was replaced since statResume.
 */
export async function streamResume(
  options: { range?: { start: number; end: number }; etag?: string } = {},
): Promise<ResumeStream> {
  let object;
  try {
    object = await s3.send(
      new GetObjectCommand({
        Bucket: Resource.Resume.name,
        Key: RESUME_KEY,
        Range: options.range && `bytes=${options.range.start}-${options.range.end}`,
        IfMatch: options.etag,
      }),
    );
  } catch (error) {
    throw toResumeError(error);
  }
  if (!(object.Body instanceof Readable) || object.ContentLength === undefined) {
    object.Body?.transformToWebStream()
      .cancel()
      .catch(() => {});
    throw new ResumeError("The resume store returned an unexpected answer.", 503);
  }
  return { body: object.Body, contentLength: object.ContentLength };
}

/** A GET URL for the private object, valid for 5 minutes, carrying our Content-Disposition. */
export async function presignResume(disposition: string): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: Resource.Resume.name,
    Key: RESUME_KEY,
    ResponseContentDisposition: disposition,
    ResponseContentType: "application/pdf",
  });
  return getSignedUrl(s3, command, { expiresIn: 300 });
}

function toResumeError(error: unknown): unknown {
  if (error instanceof ResumeError) return error;
  // By status, not by error class: a HEAD answer has no body, so the SDK names a 404
  // `NotFound` but a 403 only `Unknown`. S3 answers 404 for a missing key only because
  // the role may list the bucket (infra/permissions.ts); without that it answers 403.
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  if (status === 404) return new ResumeError("No resume has been uploaded yet.", 404);
  // Replaced between our HeadObject and GetObject: the client should simply ask again.
  if (status === 412) return new ResumeError("The resume was just replaced. Please try again.", 503);
  // Any other 4xx is a bug or a misconfiguration: let it surface as a 500. A 403 to a HEAD
  // reaches the SDK as "Unknown: UnknownError", so the log says what it was.
  if (status === 403) {
    const refused = new Error(
      "S3 refused access to the resume (403 AccessDenied): the server role lacks a grant in infra/permissions.ts.",
      { cause: error },
    );
    return Object.assign(refused, { name: "AccessDenied" });
  }
  // Anything else (refused connection, timeout, a 5xx) means S3 is unreachable right now.
  if (status !== undefined && status < 500) return error;
  console.error("[resume] storage unavailable:", error);
  return new ResumeError("The resume is temporarily unavailable. Please try again shortly.", 503);
}
