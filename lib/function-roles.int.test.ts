// The contact functions' and the download alert's own data calls, each as its role, on a
// local AWS of this file's own (the site holding the alert's grants, as it does on AWS
// with PORTFOLIO_DOWNLOAD_ALERT=on): each action infra/permissions.ts grants a role is
// what some call of its code needs. With the policy as deployed every call works; with
// any one action taken away, the call that needs it fails with AWS's AccessDenied.
import { randomUUID } from "node:crypto";
import { describe } from "vitest";
import type { LocalRole } from "@/scripts/local-aws/identities";
import { withOwnLocalAws } from "@/test/support/own-local-aws-hooks";
import { actAs, itNeedsEachGrant } from "@/test/support/role-permissions";

const stack = withOwnLocalAws("function-roles", { downloadAlert: true });

/** `module`, imported afresh with its clients signing as `role`. */
async function as<T>(role: LocalRole, module: () => Promise<T>): Promise<T> {
  actAs(role);
  return module();
}

const mailAs = (role: LocalRole) => async () =>
  (await as(role, () => import("./mail/ses"))).sendToOwner({
    subject: `A test of the ${role} role`,
    text: "text",
    html: "<p>html</p>",
  });

const message = () => ({
  id: randomUUID(),
  receivedAt: Date.now(),
  name: "Ada",
  email: "ada@example.org",
  message: "Hello",
  attempts: 0,
  nextAttemptAt: 0,
});

describe("the contact API's calls as its role", () => {
  itNeedsEachGrant("contactApi", stack, {
    "dynamodb:PutItem": async () =>
      (await as("contactApi", () => import("./contact/messages"))).storeMessage(message()),
    // The per-client counter (and marking a message delivered).
    "dynamodb:UpdateItem": async () =>
      (await as("contactApi", () => import("./contact/client-cap"))).admitClient("198.51.100.90", "key"),
    "ses:SendEmail": mailAs("contactApi"),
  });
});

describe("the retry job's calls as its role", () => {
  itNeedsEachGrant("contactRetry", stack, {
    "dynamodb:Query": async () =>
      (await as("contactRetry", () => import("./contact/messages"))).listPending(),
    // A claim on a message that is not there: refused by its condition if allowed at all.
    "dynamodb:UpdateItem": async () =>
      (await as("contactRetry", () => import("./contact/messages"))).claimAttempt(message(), Date.now()),
    "ses:SendEmail": mailAs("contactRetry"),
  });
});

describe("the digest's calls as its role", () => {
  itNeedsEachGrant("digest", stack, {
    "dynamodb:Query": async () =>
      (await as("digest", () => import("./contact/messages"))).countReceived("2031-01-01"),
    "dynamodb:BatchGetItem": async () =>
      (await as("digest", () => import("./visits/reads"))).readVisitSummary(),
    "ses:SendEmail": mailAs("digest"),
  });
});

describe("the download alert's calls, in the site's server with the alert on", () => {
  itNeedsEachGrant("downloadAlert", stack, {
    "dynamodb:UpdateItem": async () =>
      (await as("site", () => import("./contact/hourly-count"))).countThisHour("download-alerts"),
    "ses:SendEmail": mailAs("site"),
  });
});
