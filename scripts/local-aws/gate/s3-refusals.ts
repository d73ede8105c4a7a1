// What S3 answers when it refuses a request: 403 with an XML error, or, to a HEAD, a bare
// status (HEAD answers have no body, so the SDK sees only the 403).
import { randomBytes } from "node:crypto";
import type { Check } from "./authorizer";

export type Refusal = { status: number; headers: Record<string, string>; body: string };

const escape = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

function s3Error(method: string, status: number, code: string, message: string, extra = ""): Refusal {
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  const headers = { "x-amz-request-id": requestId, "x-amz-id-2": randomBytes(24).toString("base64") };
  if (method === "HEAD") return { status, headers, body: "" };
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escape(message)}</Message>` +
    `${extra}<RequestId>${requestId}</RequestId><HostId>${headers["x-amz-id-2"]}</HostId></Error>`;
  return { status, headers: { ...headers, "content-type": "application/xml" }, body };
}

/** The policy does not allow `check` (S3 quotes the resource ARN, unlike DynamoDB). */
export function s3AccessDenied(method: string, principal: string, check: Check, explicit: boolean): Refusal {
  const why = explicit
    ? "with an explicit deny in an identity-based policy"
    : `because no identity-based policy allows the ${check.action} action`;
  const message = `User: ${principal} is not authorized to perform: ${check.action} on resource: "${check.resource}" ${why}`;
  return s3Error(method, 403, "AccessDenied", message);
}

/** An unsigned request: no identity, and the private bucket has no policy that lets anyone in. */
export const s3Anonymous = (method: string) => s3Error(method, 403, "AccessDenied", "Access Denied");

export const s3UnknownKey = (method: string, accessKeyId: string) =>
  s3Error(
    method,
    403,
    "InvalidAccessKeyId",
    "The AWS Access Key Id you provided does not exist in our records.",
    `<AWSAccessKeyId>${escape(accessKeyId)}</AWSAccessKeyId>`,
  );

/** A request the gate cannot map to IAM actions: refused, never let through unchecked. */
export const s3Unsupported = (method: string, what: string) =>
  s3Error(
    method,
    501,
    "NotImplemented",
    `The local AWS's authorisation gate does not know which IAM actions ${what} needs; ` +
      "add the operation to scripts/local-aws/gate/s3-actions.ts.",
  );
