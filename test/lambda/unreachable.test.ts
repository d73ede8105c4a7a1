import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { captureStdout } from "../support/capture-stdout";
import { emfDocuments, metricValues, requestLogs } from "../support/emf";
import { bodyBytes, invoke } from "./invoke";

// Nothing listens on the discard port: both dependencies are down for this whole file
// (each test file runs in its own process, so the bundle reads these at import).
process.env.AWS_ENDPOINT_URL_DYNAMODB = "http://127.0.0.1:9";
process.env.AWS_ENDPOINT_URL_S3 = "http://127.0.0.1:9";

const logged = vi.spyOn(console, "error").mockImplementation(() => {});
beforeAll(() => logged.mockClear());
afterAll(() => logged.mockRestore());

describe("the OpenNext server function with DynamoDB and S3 unreachable", () => {
  it("still renders / with 200, says the count is unavailable, and logs why", async () => {
    const result = await invoke("GET", "/");
    expect(result.statusCode).toBe(200);
    const html = bodyBytes(result).toString();
    expect(html).toMatch(
      /data-testid="visitor-count" data-status="unavailable"[^>]*>Visitor count unavailable/,
    );
    expect(
      logged.mock.calls.some(([message]) => String(message).includes("[visits] counter unavailable")),
    ).toBe(true);
  });

  it("answers the download with 503 and a retry-later message", async () => {
    const result = await invoke("GET", "/resume/download");
    expect(result.statusCode).toBe(503);
    expect(JSON.parse(bodyBytes(result).toString()).error).toMatch(/temporarily unavailable/);
  });

  it("answers /api/visits with 503 and Retry-After", async () => {
    const result = await invoke("GET", "/api/visits");
    expect(result.statusCode).toBe(503);
    expect(result.headers["retry-after"]).toBe("10");
    expect(JSON.parse(bodyBytes(result).toString())).toEqual({
      error: "Visit counts are temporarily unavailable.",
    });
  });
});

describe("health and error metrics with DynamoDB and S3 unreachable", () => {
  it("answers /api/health with 503, each dependency unavailable, for 5 s at most", async () => {
    const result = await invoke("GET", "/api/health");
    expect(result.statusCode).toBe(503);
    expect(result.headers["cache-control"]).toBe("public, max-age=0, s-maxage=5");
    expect(JSON.parse(bodyBytes(result).toString())).toEqual({
      status: "unavailable",
      dependencies: {
        dynamodb: { status: "unavailable", latencyMs: expect.any(Number) },
        s3: { status: "unavailable", latencyMs: expect.any(Number) },
      },
    });
  });

  it("publishes CounterErrors and DownloadErrors, and logs each failed request", async () => {
    const out = await captureStdout(async () => {
      await invoke("GET", "/");
      await invoke("GET", "/api/visits");
      await invoke("GET", "/resume/download");
    });
    expect(requestLogs(out).map((log) => [log.route, log.outcome])).toEqual([
      ["/", "error"],
      ["/api/visits", "unavailable"],
      ["/resume/download", "unavailable"],
    ]);
    const errors = emfDocuments(out).map((doc) => {
      const { CounterErrors, DownloadErrors } = metricValues(doc);
      return CounterErrors ?? DownloadErrors;
    });
    expect(errors).toEqual([1, 1, 1]);
  });
});
