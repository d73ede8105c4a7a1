// The bundled contact function under its role's policy, on a local AWS of this file's
// own: with the policy as deployed a message is stored and mailed; with any one granted
// action taken away, the step that needs it fails with AWS's AccessDenied in the logs,
// and the visitor hears what that failure means (try again, or sent and retried later).
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { contactEvent, personFields } from "../support/contact-event";
import { startOwnLocalAws } from "../support/own-local-aws";
import { grantedActions, withoutAction } from "../support/role-permissions";
import { mailsContaining } from "../support/ses-inbox";
import { loadFunction } from "./function-bundles";

// Before the bundle is first imported, so its clients use this stack.
const { stack, stop } = await startOwnLocalAws("lambda-contact-role");
Object.assign(process.env, stack.env);
afterAll(() => stop());
const logged = vi.spyOn(console, "error").mockImplementation(() => {});
afterEach(() => logged.mockClear());
const contact = await loadFunction("contactApi");
let client = 0;

/** Sends a message through CloudFront, from a client of its own; what the visitor hears, and whether it was mailed. */
async function send() {
  const marker = randomUUID();
  const event = contactEvent(personFields(marker), {
    type: "json",
    via: "cloudfront",
    clientIp: `192.0.2.${++client}`,
  });
  const result = (await contact(event)) as { statusCode: number; body: string };
  const status = (JSON.parse(result.body) as { status: string }).status;
  const mailed = (await mailsContaining(stack.env.AWS_ENDPOINT_URL_SESV2!, marker, { timeoutMs: 300 }))
    .length;
  return [result.statusCode, status, mailed];
}

// For each granted action, what the visitor hears and whether the mail went, without it.
const WITHOUT: Record<string, unknown[]> = {
  // Not stored: never "sent"; asked to try again.
  "dynamodb:PutItem": [503, "unavailable", 0],
  // The per-client counter comes first: the same.
  "dynamodb:UpdateItem": [503, "unavailable", 0],
  // Stored, so "sent"; the retry job mails it once the role may.
  "ses:SendEmail": [200, "sent", 0],
};

describe("the contact function as its role", () => {
  it("is checked for every action infra/permissions.ts grants it, and no other", () => {
    expect(Object.keys(WITHOUT).sort()).toEqual(grantedActions(stack.grants.contactApi));
  });

  it("stores and mails a message with the policy as deployed", async () => {
    expect(await send()).toEqual([200, "sent", 1]);
  });

  it.each(Object.keys(WITHOUT))(
    "fails that step, logging AccessDenied, when the policy lacks %s",
    async (action) => {
      await stack.useGrants("contactApi", withoutAction(stack.grants.contactApi, action));
      try {
        expect(await send()).toEqual(WITHOUT[action]);
        expect(logged.mock.calls.flat().join("\n")).toContain("AccessDeniedException");
      } finally {
        await stack.useGrants("contactApi", stack.grants.contactApi);
      }
    },
  );
});
