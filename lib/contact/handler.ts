// POST /api/contact: the contact form's endpoint, a Lambda function behind API Gateway
// on AWS and the same function behind the local server's API Gateway adapter
// (scripts/dev/api-gateway.mjs). The message is stored before the visitor hears "sent";
// mailing it may fail without losing it (delivery.ts, retry.ts).
import "server-only";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { Resource } from "sst";
import { errorSummary } from "../aws";
import type { MetricValues } from "../observability/metrics";
import { observeRequest } from "../observability/request-log";
import { clientIp } from "../visits/visitor";
import { admitClient } from "./client-cap";
import { sendFirst } from "./delivery";
import { CONTACT_PATH, type FormState } from "./form";
import { type Mode, parseRequest, refuse, respond, type Result } from "./http";
import { ORIGIN_HEADER, originSecret, sameSecret, sign } from "./keys";
import { storeMessage } from "./messages";
import { type Submission, validateSubmission } from "./schema";
import { screenSubmission } from "./spam";

type Decision = { result: Result; outcome: string; metrics: MetricValues };
type Context = { now: number; behindCloudFront: boolean; secret: string };
type Headers = { get(name: string): string | null };

export type ContactOptions = {
  now?: number;
  /** On Lambda the request came through CloudFront, which vouches for the client address. */
  behindCloudFront?: boolean;
};

export async function handleContact(
  event: APIGatewayProxyEventV2,
  options: ContactOptions = {},
): Promise<Result> {
  const headers: Headers = { get: (name) => event.headers?.[name.toLowerCase()] ?? null };
  const finish = observeRequest(CONTACT_PATH, "ContactLatency", headers, event.requestContext?.requestId);
  const context: Context = {
    now: options.now ?? Date.now(),
    behindCloudFront: options.behindCloudFront ?? process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined,
    secret: Resource.ContactFormKey.value,
  };
  const { result, outcome, metrics } = await decide(event, headers, context);
  finish({ outcome, status: result.statusCode, metrics });
  return result;
}

async function decide(event: APIGatewayProxyEventV2, headers: Headers, context: Context): Promise<Decision> {
  const { now, behindCloudFront, secret } = context;
  // API Gateway's own URL is public too; only CloudFront (after the WAF) adds this header.
  if (behindCloudFront && !sameSecret(headers.get(ORIGIN_HEADER) ?? "", originSecret(secret)))
    return rejected(refuse(403, "Send messages through the site's contact form."), "forbidden");
  const parsed = parseRequest(event);
  if (!parsed.ok) {
    if (parsed.problem === "unsupported") return rejected(refuse(415, parsed.detail), "unsupported");
    const state = parsed.problem === "too-large" ? "too-large" : "invalid";
    return rejected(respond(parsed.mode, state, { detail: parsed.detail }), state);
  }
  const { mode } = parsed;
  const validation = validateSubmission(parsed.fields);
  if (!validation.ok) return rejected(respond(mode, "invalid", { errors: validation.errors }), "invalid");
  const submission = validation.submission;
  const screening = screenSubmission(submission, secret, now);
  if (screening.verdict === "expired") return rejected(respond(mode, "expired"), "expired");
  // Answered exactly as a message would be: a bot learns nothing.
  if (screening.verdict === "spam")
    return {
      result: respond(mode, "sent"),
      outcome: `spam-${screening.reason}`,
      metrics: { ContactSpam: 1 },
    };
  try {
    return await accept(mode, submission, headers, context);
  } catch (error) {
    // Not stored, so never "sent": the visitor is asked to try again, and nothing is lost.
    console.error("[contact] could not store a message:", errorSummary(error));
    return {
      result: respond(mode, "unavailable", { retryAfterSeconds: 60 }),
      outcome: "error",
      metrics: { ContactErrors: 1 },
    };
  }
}

async function accept(
  mode: Mode,
  submission: Submission,
  headers: Headers,
  context: Context,
): Promise<Decision> {
  const { now, secret } = context;
  const admission = await admitClient(clientIp(headers, context.behindCloudFront), secret, now);
  if (!admission.allowed)
    return rejected(respond(mode, "limited", { retryAfterSeconds: admission.retryAfterSeconds }), "limited");
  const { name, email, message, token } = submission;
  // The same form sent twice (a double click, a resent POST) is the same message, stored once.
  const id = sign(secret, "message-id", [token, name, email, message].join("\n")).slice(0, 22);
  const stored = { id, receivedAt: now, name, email, message };
  if ((await storeMessage(stored)) === "duplicate")
    return { result: respond(mode, "sent"), outcome: "duplicate", metrics: {} };
  const delivered = await sendFirst(stored, now);
  return {
    result: respond(mode, "sent"),
    outcome: delivered ? "delivered" : "stored",
    metrics: { ContactMessages: 1, MailFailures: delivered ? 0 : 1 },
  };
}

function rejected(result: Result, outcome: FormState | "forbidden" | "unsupported"): Decision {
  return { result, outcome, metrics: { ContactRejected: 1 } };
}
