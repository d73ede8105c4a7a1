// The endpoint's HTTP side, in API Gateway's payload 2.0 terms: what a request's body
// says, and the answer for each outcome. A plain form post (no JavaScript) is answered
// with a 303 back to the page, which shows the outcome; a fetch gets JSON and a status.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { type FieldErrors, type FormState, STATE_MESSAGES } from "./form";

/** Far above any valid message (5,000 characters, percent-encoded), far below API Gateway's 10 MB. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export type Mode = "form" | "json";
export type Parsed =
  | { ok: true; mode: Mode; fields: unknown }
  | { ok: false; mode: Mode; problem: "too-large" | "unsupported" | "malformed"; detail: string };

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

export function parseRequest(event: APIGatewayProxyEventV2): Parsed {
  const headers = event.headers ?? {};
  const type = (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const wantsJson = type === JSON_TYPE || (headers.accept ?? "").toLowerCase().includes(JSON_TYPE);
  const mode: Mode = type === FORM && !wantsJson ? "form" : "json";
  const fail = (problem: "too-large" | "unsupported" | "malformed", detail: string): Parsed => ({
    ok: false,
    mode,
    problem,
    detail,
  });
  // API Gateway hands form posts (and any non-text type) over base64-encoded.
  const raw = Buffer.from(event.body ?? "", event.isBase64Encoded ? "base64" : "utf8");
  if (raw.length > BODY_LIMIT_BYTES) return fail("too-large", `The body is over ${BODY_LIMIT_BYTES} bytes.`);
  if (type !== FORM && type !== JSON_TYPE)
    return fail("unsupported", `Send the form as ${FORM} or ${JSON_TYPE}.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return fail("malformed", "The body is not UTF-8 text.");
  }
  if (type === FORM) return { ok: true, mode, fields: Object.fromEntries(new URLSearchParams(text)) };
  try {
    return { ok: true, mode, fields: JSON.parse(text) as unknown };
  } catch {
    return fail("malformed", "The body is not valid JSON.");
  }
}

export type Result = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
};

const STATUS: Record<FormState, number> = {
  sent: 200,
  invalid: 400,
  expired: 400,
  "too-large": 413,
  limited: 429,
  unavailable: 503,
};

// Not a page: nothing in an answer may run, be framed, cached or sniffed.
const HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
};

export type Extra = { errors?: FieldErrors; detail?: string; retryAfterSeconds?: number };

/** The answer for an outcome: 303 to the page for a form post, JSON otherwise. */
export function respond(mode: Mode, state: FormState, extra: Extra = {}): Result {
  const headers: Record<string, string> = { ...HEADERS };
  if (extra.retryAfterSeconds !== undefined) headers["Retry-After"] = String(extra.retryAfterSeconds);
  if (mode === "form") {
    headers.Location = `/?contact=${state}#contact`;
    return { statusCode: 303, headers, body: "" };
  }
  const body = { status: state, message: extra.detail ?? STATE_MESSAGES[state], errors: extra.errors };
  return json(STATUS[state], body, headers);
}

/** A refusal that is not about the form at all (wrong type, not through CloudFront). */
export function refuse(statusCode: 403 | 415, message: string): Result {
  return json(statusCode, { status: "refused", message }, { ...HEADERS });
}

function json(statusCode: number, body: object, headers: Record<string, string>): Result {
  return {
    statusCode,
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
  };
}
