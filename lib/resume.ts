// No `import "server-only"` here: the download is a Pages API route (see
// pages/api/resume/download.ts), and Next's Pages bundles reject that marker.
// Nothing in components/ imports this module.
import { Readable } from "node:stream";
import { GetObjectCommand, NoSuchKey, S3ServiceException } from "@aws-sdk/client-s3";
import { Resource } from "sst";
import { s3 } from "./aws";
import { RESUME_KEY } from "./resume-object";

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

/** Opens the resume object as a stream straight off the S3 socket; nothing is buffered. */
export async function streamResume(): Promise<ResumeStream> {
  let object;
  try {
    object = await s3.send(new GetObjectCommand({ Bucket: Resource.Resume.name, Key: RESUME_KEY }));
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

function toResumeError(error: unknown): unknown {
  if (error instanceof NoSuchKey) {
    return new ResumeError("No resume has been uploaded yet.", 404);
  }
  // A service error with a 4xx status (other than a missing key) is a bug or a
  // misconfiguration: let it surface as a 500. Anything else (refused connection,
  // timeout, a 5xx) means S3 is unreachable right now.
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  if (status !== undefined && status < 500) return error;
  console.error("[resume] storage unavailable:", error);
  return new ResumeError("The resume is temporarily unavailable. Please try again shortly.", 503);
}
