// SST's warmer (the `warm` setting, infra/site.ts) invokes the server function every 5
// minutes with this event. On AWS, SST's handler wrapper answers it before it even
// imports the OpenNext handler (`useServerWarmingInjection` in SST's ssr-site.ts, and the
// wrapper from function.ts); should it reach the bundle, OpenNext's own wrapper answers
// it. Either way it must render nothing and count no visit: checked here on the bundle.
import { describe, expect, it } from "vitest";
import { bodyBytes, invoke, invokeWith } from "./invoke";

const warmerEvent = (index: number) => ({
  type: "warmer",
  warmerId: "warmer-k2x9q1",
  index,
  concurrency: 2,
  delay: 75,
});

const visits = async () => JSON.parse(bodyBytes(await invoke("GET", "/api/visits")).toString()) as unknown;

describe("the server function, invoked by SST's warmer", () => {
  it("answers with the instance's id after the warmer's delay, renders nothing and counts no visit", async () => {
    const before = await visits();
    const started = performance.now();
    const answers = await Promise.all([invokeWith(warmerEvent(0)), invokeWith(warmerEvent(1))]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    expect(answers[0]).toEqual({ type: "warmer", serverId: expect.stringMatching(/^\w{4,}$/) });
    // One instance: the warmer counts instances by these ids.
    expect(answers[1]).toEqual(answers[0]);
    expect(await visits()).toEqual(before);
  });

  it("still serves and counts a visitor's view after being warmed", async () => {
    await invokeWith(warmerEvent(0));
    const before = (await visits()) as { total: number };
    const page = await invoke("GET", "/");
    expect(page.statusCode).toBe(200);
    expect(((await visits()) as { total: number }).total).toBe(before.total + 1);
  });
});
