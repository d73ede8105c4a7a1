// The OpenNext bundle under the site role's policy, on a local AWS of this file's own:
// with the policy as deployed every route works; with any one granted action taken
// away, the route that needs it fails, and AWS's AccessDenied is what the logs show.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { startOwnLocalAws } from "../support/own-local-aws";
import { withoutResume as withoutStoredResume } from "../support/owner-clients";
import { grantedActions, withoutAction } from "../support/role-permissions";
import { bodyBytes, invoke } from "./invoke";

// Before the bundle is first imported (on the first invoke), so its clients use this stack.
const { stack, owner, stop } = await startOwnLocalAws("lambda-site-role");
Object.assign(process.env, stack.env);
const bucket = JSON.parse(stack.env.SST_RESOURCE_Resume!).name as string;
afterAll(() => stop());
const logged = vi.spyOn(console, "error").mockImplementation(() => {});
afterEach(() => {
  logged.mockClear();
  vi.useRealTimers();
});

const withoutResume = <T>(run: () => Promise<T>) => withoutStoredResume(owner, bucket, run);

const counterStatus = async () =>
  /data-testid="visitor-count" data-status="(\w+)"/.exec(bodyBytes(await invoke("GET", "/")).toString())?.[1];
const status = async (route: string) => (await invoke("GET", route)).statusCode;

// For each granted action, the route that needs it: what it answers with and without.
const ROUTES: Record<string, { use: () => Promise<unknown>; granted: unknown; refused: unknown }> = {
  "dynamodb:UpdateItem": { use: counterStatus, granted: "ok", refused: "unavailable" },
  "dynamodb:BatchGetItem": { use: () => status("/api/visits"), granted: 200, refused: 503 },
  "s3:GetObject": { use: () => status("/resume/download"), granted: 200, refused: 500 },
  // No resume uploaded: a 404 to a role that may list the bucket, a 403 (so a 500) otherwise.
  "s3:ListBucket": { use: () => withoutResume(() => status("/resume/download")), granted: 404, refused: 500 },
};

describe("the server function as the site role", () => {
  it("has a route for every action infra/permissions.ts grants, and no other", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(grantedActions(stack.grants.site));
  });

  it.each(Object.keys(ROUTES))("works with the policy as deployed: %s", async (action) => {
    expect(await ROUTES[action]!.use()).toBe(ROUTES[action]!.granted);
  });

  it.each(Object.keys(ROUTES))("fails, logging AccessDenied, when the policy lacks %s", async (action) => {
    await stack.useGrants("site", withoutAction(stack.grants.site, action));
    try {
      expect(await ROUTES[action]!.use()).toBe(ROUTES[action]!.refused);
      const errors = logged.mock.calls.flat().map((arg) => `${(arg as Error)?.name}: ${String(arg)}`);
      expect(errors.join("\n")).toMatch(/AccessDenied|403/);
    } finally {
      await stack.useGrants("site", stack.grants.site);
    }
  });

  it("answers /api/health 200 with no resume uploaded, and 503 without s3:ListBucket", async () => {
    // Each instance reuses a check for 5 s: two checks far enough apart in (faked) time.
    vi.useFakeTimers({ toFake: ["Date"] });
    const health = async () => (await invoke("GET", "/api/health")).statusCode;
    vi.setSystemTime(Date.now() - 60_000);
    expect(await withoutResume(health)).toBe(200);
    await stack.useGrants("site", withoutAction(stack.grants.site, "s3:ListBucket"));
    try {
      vi.setSystemTime(Date.now() + 10_000);
      expect(await withoutResume(health)).toBe(503);
    } finally {
      await stack.useGrants("site", stack.grants.site);
    }
  });
});
