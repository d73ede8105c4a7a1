import { describe, expect, it } from "vitest";
import { viewerRequestInjection } from "../../infra/edge-request";
import { ORIGIN_HEADER } from "../../lib/contact/keys";

type Request = {
  uri: string;
  querystring: Record<string, { value: string }>;
  headers: Record<string, { value: string }>;
};

const SECRET = "origin-secret-under-test";

/** Runs the injected CloudFront Function code on a viewer request, as the Router's function does first. */
function viewerRequest(
  uri: string,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Request {
  const values = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).map(([k, value]) => [k, { value }]));
  const event = { request: { uri, querystring: values(query), headers: values(headers) } };
  new Function("event", viewerRequestInjection(SECRET))(event);
  return event.request;
}

describe("the viewer-request injection", () => {
  it("drops the query string of /api/visits and /api/health, so every variant shares one cache entry", () => {
    expect(viewerRequest("/api/visits", { anything: "1" }).querystring).toEqual({});
    expect(viewerRequest("/api/health", { x: "y", z: "" }).querystring).toEqual({});
  });

  it("leaves every other request's query string alone", () => {
    expect(viewerRequest("/resume", { inline: "1" }).querystring).toEqual({ inline: { value: "1" } });
    expect(viewerRequest("/api/visits/more", { a: "b" }).querystring).toEqual({ a: { value: "b" } });
    expect(viewerRequest("/", { utm_source: "x" }).querystring).toEqual({ utm_source: { value: "x" } });
    expect(viewerRequest("/api/contact", { a: "b" }).querystring).toEqual({ a: { value: "b" } });
  });

  it("marks requests for the contact API with the origin secret, overwriting any value a client sent", () => {
    expect(viewerRequest("/api/contact", {}).headers[ORIGIN_HEADER]).toEqual({ value: SECRET });
    expect(viewerRequest("/api/contact/x", {}, { [ORIGIN_HEADER]: "forged" }).headers[ORIGIN_HEADER]).toEqual(
      {
        value: SECRET,
      },
    );
  });

  it("gives no other request the origin secret", () => {
    for (const uri of ["/", "/api/visits", "/api/health", "/api/contactx", "/resume/download"])
      expect(viewerRequest(uri, {}).headers[ORIGIN_HEADER]).toBeUndefined();
  });
});
