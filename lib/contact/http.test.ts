import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, parseRequest, respond } from "./http";

const event = (headers: Record<string, string>, body: string, base64 = false) =>
  ({
    headers,
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  }) as APIGatewayProxyEventV2;
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };

describe("parseRequest", () => {
  it("reads a form post, which API Gateway hands over base64-encoded", () => {
    expect(parseRequest(event(FORM, "name=Ada+L&email=ada%40example.org&message=Hi%21", true))).toEqual({
      ok: true,
      mode: "form",
      fields: { name: "Ada L", email: "ada@example.org", message: "Hi!" },
    });
  });

  it("reads JSON, and answers a form posted by script (Accept: JSON) in JSON", () => {
    expect(parseRequest(event(JSON_TYPE, '{"name":"Ada"}'))).toEqual({
      ok: true,
      mode: "json",
      fields: { name: "Ada" },
    });
    expect(parseRequest(event({ ...FORM, accept: "application/json" }, "name=Ada")).mode).toBe("json");
  });

  it("refuses a body over the limit, before decoding it", () => {
    const big = "a".repeat(BODY_LIMIT_BYTES + 1);
    expect(parseRequest(event(JSON_TYPE, big))).toMatchObject({
      ok: false,
      problem: "too-large",
      mode: "json",
    });
    expect(parseRequest(event(FORM, big, true))).toMatchObject({
      ok: false,
      problem: "too-large",
      mode: "form",
    });
  });

  it("refuses other content types, and none", () => {
    for (const type of ["text/plain", "multipart/form-data; boundary=x", "application/xml", ""]) {
      expect(parseRequest(event(type ? { "content-type": type } : {}, "x")), type).toMatchObject({
        ok: false,
        problem: "unsupported",
      });
    }
  });

  it("refuses malformed JSON and bytes that are not UTF-8, saying which", () => {
    expect(parseRequest(event(JSON_TYPE, '{"name":'))).toMatchObject({
      ok: false,
      problem: "malformed",
      detail: /JSON/,
    });
    const latin1 = {
      ...event(FORM, ""),
      body: Buffer.from([0x6e, 0x3d, 0xe9]).toString("base64"),
      isBase64Encoded: true,
    };
    expect(parseRequest(latin1)).toMatchObject({ ok: false, problem: "malformed", detail: /UTF-8/ });
  });
});

describe("respond", () => {
  it("sends a plain form post back to the page with the outcome, as a 303", () => {
    const result = respond("form", "sent");
    expect(result.statusCode).toBe(303);
    expect(result.headers.Location).toBe("/?contact=sent#contact");
  });

  it("answers a script in JSON with the outcome's status, and Retry-After when limited", () => {
    expect(respond("json", "sent").statusCode).toBe(200);
    const invalid = respond("json", "invalid", { errors: { name: "x" } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers["Content-Type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(invalid.body ?? "")).toEqual({
      status: "invalid",
      message: expect.any(String),
      errors: { name: "x" },
    });
    expect(respond("json", "too-large").statusCode).toBe(413);
    const limited = respond("json", "limited", { retryAfterSeconds: 120 });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["Retry-After"]).toBe("120");
  });

  it("is never cached, framed or sniffed", () => {
    for (const result of [respond("form", "sent"), respond("json", "invalid")]) {
      expect(result.headers).toMatchObject({
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      });
    }
  });
});
