// The gate's rules for each service it guards. A new emulator behind the gate adds its
// request mapper and refusals here.
import { dynamoAccessDenied, dynamoChecks, dynamoMissingKey, dynamoUnknownKey } from "./dynamodb";
import { missingKeyCheck, needsBody, s3Checks } from "./s3";
import { s3AccessDenied, s3Anonymous, s3Unsupported, s3UnknownKey } from "./s3-refusals";
import type { ServiceRules } from "./server";
import { sesAccessDenied, sesChecks, sesMissingKey, sesNeedsBody, sesUnknownKey } from "./ses";

/** DynamoDB's JSON protocol: `POST /` with `X-Amz-Target: DynamoDB_20120810.<Operation>`. */
export const dynamoRules: ServiceRules = {
  needsBody: (request) => request.method === "POST",
  checks: (request, body) => {
    const target = request.headers["x-amz-target"];
    const operation = typeof target === "string" ? target.split(".")[1] : undefined;
    // A health probe (GET /) needs no identity. A request with no operation or an
    // unreadable body touches nothing: it needs a known signer only, and the emulator
    // then refuses it as DynamoDB would.
    if (request.method !== "POST") return "pass";
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8") || "{}");
    } catch {
      return [];
    }
    if (!operation || parsed === null || typeof parsed !== "object") return [];
    return dynamoChecks(operation, parsed as Record<string, unknown>, request.region) ?? [];
  },
  unsigned: () => dynamoMissingKey(),
  unknownKey: () => dynamoUnknownKey(),
  denied: (_, caller, check, explicit) => dynamoAccessDenied(caller.identity.principal, check, explicit),
};

/** S3's REST API, path-style. */
export const s3Rules: ServiceRules = {
  needsBody,
  checks: (request, body) => {
    const result = s3Checks(request, body.toString("utf8"));
    return "checks" in result ? result.checks : s3Unsupported(request.method, result.unsupported);
  },
  unsigned: (request) => s3Anonymous(request.method),
  unknownKey: (request, accessKeyId) => s3UnknownKey(request.method, accessKeyId),
  denied: (request, caller, check, explicit) =>
    s3AccessDenied(request.method, caller.identity.principal, check, explicit),
  afterAnswer: missingKeyCheck,
};

/**
 * SES v2's REST-JSON API, and the emulator's own inbox pages (which need no identity).
 * `defaultSets`: each identity's default configuration set, which SES applies (and IAM
 * checks) when a mail names none.
 */
export const sesRules = (defaultSets: Record<string, string>): ServiceRules => ({
  needsBody: sesNeedsBody,
  checks: (request, body) => sesChecks(request, body, defaultSets),
  unsigned: () => sesMissingKey(),
  unknownKey: () => sesUnknownKey(),
  denied: (_, caller, check) => sesAccessDenied(caller.identity.principal, check),
});
