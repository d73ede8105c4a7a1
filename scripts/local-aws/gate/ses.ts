// SES v2's REST API (aws-ses-v2-local) for the gate: which IAM actions on which ARNs a
// request needs, and what SES answers when the policy does not allow one. SendEmail is
// authorised as ses:SendEmail on the sending identity and on the configuration set the
// mail uses: the one it names, else the identity's default set (SES API reference,
// SendEmail; "Actions, resources, and condition keys for Amazon SES").
import { randomUUID } from "node:crypto";
import { LOCAL_ACCOUNT } from "../identities";
import type { Check } from "./authorizer";
import type { Refusal } from "./s3-refusals";

type SesRequest = { method: string; url: string; headers: Record<string, string | string[] | undefined> };

// The emulator's own pages (its inbox viewer, its store as JSON, clearing it): no AWS
// counterpart, so nothing to authorise. Express matches paths case-insensitively, with or
// without a trailing slash, and answers HEAD on GET routes: so does this.
const VIEWER = new Set([
  "GET /",
  "GET /store",
  "POST /clear-store",
  "GET /health-check",
  "GET /get-emlcontent",
]);
const SEND = "POST /v2/email/outbound-emails";

function route({ method, url }: SesRequest): string {
  const path = (url.split("?")[0] ?? "/").toLowerCase().replace(/(.)\/+$/, "$1");
  return `${method === "HEAD" ? "GET" : method} ${path}`;
}

export const sesNeedsBody = (request: SesRequest) => route(request) === SEND;

/** The address in `Name <address>` or a bare address. */
const address = (from: string) => /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();

/**
 * What a request needs: the checks, "pass" for the emulator's own pages, or a refusal
 * for a body SES could not read or an operation the gate does not map (never let through
 * unchecked). `defaultSets`: each identity's default configuration set, by identity name.
 */
export function sesChecks(
  request: SesRequest,
  body: Buffer,
  defaultSets: Record<string, string>,
): Check[] | "pass" | Refusal {
  const at = route(request);
  if (VIEWER.has(at)) return "pass";
  if (at !== SEND) return sesUnsupported(at);
  // The emulator would also read a form-encoded body: only JSON, as the SDK sends, is read the same way by both.
  const type = String(request.headers["content-type"] ?? "");
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = /^application\/json\b/i.test(type)
      ? (JSON.parse(body.toString("utf8")) as typeof parsed)
      : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    return sesError(400, "BadRequestException", "The request body is not a JSON object.");
  const region = regionOf(request);
  const arn = (resource: string) => `arn:aws:ses:${region}:${LOCAL_ACCOUNT}:${resource}`;
  const {
    FromEmailAddress: from,
    FromEmailAddressIdentityArn: identityArn,
    ConfigurationSetName: set,
  } = parsed;
  const identity =
    typeof identityArn === "string"
      ? identityArn.split(":identity/")[1]
      : typeof from === "string"
        ? address(from)
        : undefined;
  if (!identity) return sesUnsupported("SendEmail without FromEmailAddress (the sender in raw content)");
  const checks = [
    {
      action: "ses:SendEmail",
      resource: typeof identityArn === "string" ? identityArn : arn(`identity/${identity}`),
    },
  ];
  const configSet = typeof set === "string" ? set : defaultSets[identity];
  if (configSet) checks.push({ action: "ses:SendEmail", resource: arn(`configuration-set/${configSet}`) });
  return checks;
}

function regionOf(request: SesRequest): string {
  const scope = /Credential=[^/]+\/[^/]+\/([^/]+)\//.exec(String(request.headers.authorization ?? ""));
  return scope?.[1] ?? "us-east-1";
}

/** SES's refusal: 403 AccessDeniedException, its message quoting `…' as SES does. */
export function sesAccessDenied(principal: string, check: Check): Refusal {
  return sesError(
    403,
    "AccessDeniedException",
    `User \`${principal}' is not authorized to perform \`${check.action}' on resource \`${check.resource}'`,
  );
}

export const sesUnknownKey = () =>
  sesError(403, "UnrecognizedClientException", "The security token included in the request is invalid.");

export const sesMissingKey = () =>
  sesError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");

const sesUnsupported = (what: string) =>
  sesError(
    501,
    "NotImplemented",
    `The local AWS's authorisation gate does not know which IAM actions ${what} needs; ` +
      "add the operation to scripts/local-aws/gate/ses.ts.",
  );

// SES v2 is a REST-JSON API: the error's type travels in X-Amzn-ErrorType, the text in `message`.
function sesError(status: number, type: string, message: string): Refusal {
  return {
    status,
    headers: {
      "content-type": "application/json",
      "x-amzn-errortype": type,
      "x-amzn-requestid": randomUUID(),
    },
    body: JSON.stringify({ message }),
  };
}
