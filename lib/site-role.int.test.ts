// The app's own data calls under the site role's policy, on a local AWS of this file's
// own: each action infra/permissions.ts grants is what some call needs. With the policy
// as deployed every call works; with any one action taken away, the call that needs it
// fails with AWS's AccessDenied instead of passing unnoticed.
import type { S3Client } from "@aws-sdk/client-s3";
import { Resource } from "sst";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { LocalAws } from "@/scripts/local-aws/stack";
import { pointAt } from "@/test/support/endpoint";
import { startOwnLocalAws } from "@/test/support/own-local-aws";
import { withoutResume as withoutStoredResume } from "@/test/support/owner-clients";
import { itNeedsEachGrant, withoutAction } from "@/test/support/role-permissions";
import { visitorOn } from "@/test/support/daily-visitor";

let stack: LocalAws;
let owner: S3Client;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ stack, owner, stop } = await startOwnLocalAws("site-role"));
});
afterAll(() => stop());
beforeEach(() => {
  // The app's clients, fresh for each test, pointed at this file's local AWS.
  pointAt("DYNAMODB", stack.env.AWS_ENDPOINT_URL_DYNAMODB!);
  pointAt("S3", stack.env.AWS_ENDPOINT_URL_S3!);
});
afterEach(() => vi.restoreAllMocks());

/** Runs `run` with no resume uploaded, then puts it back. */
const withoutResume = <T>(run: () => Promise<T>) => withoutStoredResume(owner, Resource.Resume.name, run);

// For each granted action, an app call that needs it; it resolves when the call works.
const APP_CALLS: Record<string, () => Promise<unknown>> = {
  "dynamodb:UpdateItem": async () =>
    (await import("./visits/writes")).recordView(visitorOn("2026-01-01", "site-role-test")),
  "dynamodb:BatchGetItem": async () => (await import("./visits/reads")).readVisitSummary(),
  "s3:GetObject": async () => {
    const storage = await import("./resume/storage");
    await storage.statResume();
    const { body } = await storage.streamResume();
    for await (const chunk of body) void chunk;
  },
  // The app tells "no resume uploaded yet" (404) from a failure: S3 says 404 only to a role that may list.
  "s3:ListBucket": () =>
    withoutResume(async () => {
      const { statResume, ResumeError } = await import("./resume/storage");
      const error = await statResume().catch((e: unknown) => e);
      if (error instanceof ResumeError && error.status === 404) return "missing";
      throw error;
    }),
};

describe("the app's calls as the site role", () => {
  itNeedsEachGrant("site", () => stack, APP_CALLS);

  it("answer /api/health 200 with no resume uploaded, and 503 without s3:ListBucket, as AWS would", async () => {
    const health = async () => (await (await import("@/app/api/health/route")).GET()).status;
    expect(await withoutResume(health)).toBe(200);
    await stack.useGrants("site", withoutAction(stack.grants.site, "s3:ListBucket"));
    try {
      vi.resetModules(); // a fresh route: its latest check is from before
      vi.spyOn(console, "error").mockImplementation(() => {});
      expect(await withoutResume(health)).toBe(503);
    } finally {
      await stack.useGrants("site", stack.grants.site);
    }
  });
});
