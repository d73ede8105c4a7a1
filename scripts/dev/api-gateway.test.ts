import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Gateway = {
  serveThroughApiGateway: (
    req: unknown,
    res: unknown,
    route: { routeKey: string; invoke: (event: Record<string, unknown>) => Promise<unknown> },
  ) => Promise<void>;
  PAYLOAD_LIMIT: number;
};
// Plain JavaScript, as the local server loads it.
const gateway = (await import("./api-gateway.mjs" as string)) as Gateway;

let server: Server;
let url: string;
let lastEvent: Record<string, unknown> | undefined;
let answer: () => Promise<unknown> = async () => ({ statusCode: 204, headers: {} });

beforeAll(async () => {
  server = createServer((req, res) => {
    void gateway.serveThroughApiGateway(req, res, {
      routeKey: "POST /api/contact",
      invoke: async (event) => {
        lastEvent = event;
        return answer();
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/contact`;
});
afterAll(() => server.close());

describe("the local API Gateway adapter", () => {
  it("hands a form post over as API Gateway does: payload 2.0, base64 body, lower-case headers, cookies apart", async () => {
    await fetch(`${url}?a=1&a=2`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: "x=1; y=2",
        "X-Custom": "v",
        "X-Forwarded-For": "203.0.113.9",
      },
      body: "name=Ada",
    });
    expect(lastEvent).toMatchObject({
      version: "2.0",
      routeKey: "POST /api/contact",
      rawPath: "/api/contact",
      rawQueryString: "a=1&a=2",
      queryStringParameters: { a: "1,2" },
      cookies: ["x=1", "y=2"],
      isBase64Encoded: true,
      body: Buffer.from("name=Ada").toString("base64"),
      requestContext: {
        http: { method: "POST", path: "/api/contact", sourceIp: "127.0.0.1" },
        stage: "$default",
      },
    });
    const headers = lastEvent?.headers as Record<string, string>;
    expect(headers["x-custom"]).toBe("v");
    // The connection's address last, as API Gateway appends it: the only entry the app trusts.
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
    expect(headers.cookie).toBeUndefined();
  });

  it("hands JSON over as text, and leaves out what an empty request lacks", async () => {
    await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"a":"é"}' });
    expect(lastEvent).toMatchObject({ isBase64Encoded: false, body: '{"a":"é"}' });
    await fetch(url, { method: "POST" });
    expect(lastEvent).not.toHaveProperty("body");
    expect(lastEvent).not.toHaveProperty("cookies");
    expect(lastEvent).not.toHaveProperty("queryStringParameters");
  });

  it("writes the function's result: status, headers, cookies and a base64 body", async () => {
    answer = async () => ({
      statusCode: 303,
      headers: { Location: "/?contact=sent", "X-Number": 5 },
      cookies: ["a=1", "b=2"],
      body: Buffer.from("moved").toString("base64"),
      isBase64Encoded: true,
    });
    const response = await fetch(url, { method: "POST", redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/?contact=sent");
    expect(response.headers.get("x-number")).toBe("5");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.text()).toBe("moved");
  });

  it("answers a bare value as 200 JSON, and a failed invocation as API Gateway does, with no detail", async () => {
    answer = async () => ({ ok: true });
    const bare = await fetch(url, { method: "POST" });
    expect([bare.status, await bare.json()]).toEqual([200, { ok: true }]);
    answer = async () => {
      throw new Error("secret detail at /work/x.ts:1:1");
    };
    const failed = await fetch(url, { method: "POST" });
    expect([failed.status, await failed.text()]).toEqual([500, '{"message":"Internal Server Error"}']);
  });

  it("refuses a payload over API Gateway's 10 MB itself, without invoking", async () => {
    lastEvent = undefined;
    const response = await fetch(url, { method: "POST", body: Buffer.alloc(gateway.PAYLOAD_LIMIT + 1) });
    expect(response.status).toBe(413);
    expect(lastEvent).toBeUndefined();
  });
});
