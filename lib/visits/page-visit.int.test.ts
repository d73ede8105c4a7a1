import { describe, expect, it, vi } from "vitest";
import { DEAD_ENDPOINT, pointAt } from "@/test/support/endpoint";
import { GET as getVisits } from "@/app/api/visits/route";
import { captureStdout } from "@/test/support/capture-stdout";
import { emfDocuments, emfProblems, metricValues, requestLogs } from "@/test/support/emf";
import { recordCurrentPageVisit } from "./page-visit";

// The page's request, as headers() would hand it to the server component.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));

// Distinctive enough that finding them anywhere in the output means they leaked.
const CANARY_IP = "203.0.113.177";
const CANARY_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Zyxq77";
const NAMESPACE = `Portfolio/${JSON.parse(process.env.SST_RESOURCE_App ?? "{}").stage}`;

async function renderPage(extra: Record<string, string> = {}) {
  requestHeaders = new Headers({ "user-agent": CANARY_AGENT, "x-forwarded-for": CANARY_IP, ...extra });
  return captureStdout(() => recordCurrentPageVisit());
}

describe("the counter's request logs and metrics", () => {
  it("logs one JSON line per render and publishes Visits, UniqueVisitors, errors and latency", async () => {
    const first = await renderPage();
    const reload = await renderPage();
    const bot = await renderPage({ "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" });

    const [log] = requestLogs(first);
    expect(requestLogs(first)).toHaveLength(1);
    expect(log).toMatchObject({ level: "INFO", route: "/", outcome: "counted", service: "portfolio" });
    expect(log?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(log?.latencyMs).toBeGreaterThan(0);
    expect(requestLogs(bot)[0]?.outcome).toBe("not-counted");

    const docs = [first, reload, bot].map((out) => emfDocuments(out));
    for (const [doc] of docs) expect(emfProblems(doc!, NAMESPACE)).toEqual([]);
    const values = docs.map(([doc]) => metricValues(doc!));
    expect(values[0]).toMatchObject({ Visits: 1, UniqueVisitors: 1, CounterErrors: 0 });
    expect(values[1]).toMatchObject({ Visits: 1, UniqueVisitors: 0, CounterErrors: 0 });
    expect(values[2]).toMatchObject({ Visits: 0, UniqueVisitors: 0, CounterErrors: 0 });
    expect(values[0]?.CounterLatency).toBe(requestLogs(first)[0]?.latencyMs);
  });

  it("never writes the visitor's IP address or user agent", async () => {
    const out = await renderPage({ "x-amzn-trace-id": "Root=1-67891233-abcdef012345678912345678" });
    expect(requestLogs(out)[0]?.requestId).toBe("1-67891233-abcdef012345678912345678");
    expect(out).not.toContain(CANARY_IP);
    expect(out).not.toContain("Zyxq77");
  });

  it("logs GET /api/visits with its status and publishes its latency", async () => {
    const out = await captureStdout(() => getVisits(new Request("http://localhost/api/visits")));
    expect(requestLogs(out)).toEqual([
      expect.objectContaining({ route: "/api/visits", outcome: "ok", status: 200 }),
    ]);
    const [doc] = emfDocuments(out);
    expect(emfProblems(doc!, NAMESPACE)).toEqual([]);
    expect(Object.keys(metricValues(doc!)).sort()).toEqual(["CounterErrors", "CounterLatency"]);
  });
});

describe("the counter's metrics when DynamoDB is unreachable", () => {
  it("counts an error for the page and for /api/visits, and logs the outcome", async () => {
    pointAt("DYNAMODB", DEAD_ENDPOINT);
    const page = await import("./page-visit");
    const route = await import("@/app/api/visits/route");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      requestHeaders = new Headers({ "user-agent": CANARY_AGENT, "x-forwarded-for": CANARY_IP });
      const out = await captureStdout(async () => {
        expect(await page.recordCurrentPageVisit()).toEqual({ status: "unavailable" });
        expect((await route.GET(new Request("http://localhost/api/visits"))).status).toBe(503);
      });
      expect(requestLogs(out).map((log) => [log.route, log.outcome, log.status])).toEqual([
        ["/", "error", undefined],
        ["/api/visits", "unavailable", 503],
      ]);
      expect(emfDocuments(out).map((doc) => metricValues(doc).CounterErrors)).toEqual([1, 1]);
    } finally {
      logged.mockRestore();
    }
  });
});
