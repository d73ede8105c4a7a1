import { describe, expect, it } from "vitest";
import { DROP_QUERY_INJECTION } from "../../infra/edge-request";

type Event = { request: { uri: string; querystring: Record<string, { value: string }> } };

/** Runs the injected CloudFront Function code on a viewer request, as the Router's function does first. */
function viewerRequest(uri: string, query: Record<string, string>): Event["request"] {
  const event: Event = {
    request: {
      uri,
      querystring: Object.fromEntries(Object.entries(query).map(([k, value]) => [k, { value }])),
    },
  };
  new Function("event", DROP_QUERY_INJECTION)(event);
  return event.request;
}

describe("the viewer-request injection", () => {
  it("drops the query string of /api/visits and /api/health, so every variant shares one cache entry", () => {
    expect(viewerRequest("/api/visits", { anything: "1" }).querystring).toEqual({});
    expect(viewerRequest("/api/health", { x: "y", z: "" }).querystring).toEqual({});
  });

  it("leaves every other request alone", () => {
    expect(viewerRequest("/resume", { inline: "1" }).querystring).toEqual({ inline: { value: "1" } });
    expect(viewerRequest("/api/visits/more", { a: "b" }).querystring).toEqual({ a: { value: "b" } });
    expect(viewerRequest("/", { utm_source: "x" }).querystring).toEqual({ utm_source: { value: "x" } });
  });
});
