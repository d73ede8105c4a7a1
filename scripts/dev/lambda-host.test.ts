import { afterAll, describe, expect, it } from "vitest";
import { ROLE_CREDENTIALS } from "../local-aws/identities";

type Host = {
  localFunction: (fn: { role: string; handler: string; timeoutMs: number; env: NodeJS.ProcessEnv }) => {
    invoke: (event: unknown) => Promise<{ pid: number; keyId: string | null }>;
    stop: () => void;
  };
};
const host = (await import("./lambda-host.mjs" as string)) as Host;

const fn = host.localFunction({
  role: "contactApi",
  handler: "test/fixtures/slow-handler.handler",
  timeoutMs: 2_000,
  env: { ...process.env, PORTFOLIO_LOCAL_AWS: "1" },
});
afterAll(() => fn.stop());

describe("a local Lambda function", () => {
  it("runs in its own process, as its role's own identity, and stays warm", async () => {
    const first = await fn.invoke({});
    expect(first.pid).not.toBe(process.pid);
    expect(first.keyId).toBe(ROLE_CREDENTIALS.contactApi.accessKeyId);
    expect((await fn.invoke({})).pid).toBe(first.pid);
  });

  it("is killed past its timeout, and started afresh for the next invocation", async () => {
    const before = (await fn.invoke({})).pid;
    await expect(fn.invoke({ ms: 10_000 })).rejects.toThrow(/timed out/);
    const after = await fn.invoke({});
    expect(after.pid).not.toBe(before);
  }, 20_000);
});
