import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESUME_KEY } from "../../lib/resume/key";
import { captureStdout } from "../support/capture-stdout";
import { emfDocuments, emfProblems, metricValues, requestLogs } from "../support/emf";
import { ownerS3 } from "../support/owner-clients";
import { BROWSER, bodyBytes, type FunctionUrlResult, invoke } from "./invoke";

const NAMESPACE = `Portfolio/${JSON.parse(process.env.SST_RESOURCE_App!).stage}`;
// Distinctive values: finding them anywhere in the output means they leaked.
const VISITOR = { "user-agent": `${BROWSER} Qwv83`, "cloudfront-viewer-address": "198.51.100.231:40000" };
const TRACE_ROOT = "1-67891233-abcdef012345678912345678";

const s3 = ownerS3();
let stored: Buffer;
beforeAll(async () => {
  const bucket = JSON.parse(process.env.SST_RESOURCE_Resume!).name as string;
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
  stored = Buffer.from(await object.Body!.transformToByteArray());
});
afterAll(() => s3.destroy());

/** Invokes the bundle and returns its answer with everything it wrote to stdout meanwhile. */
async function observed(...args: Parameters<typeof invoke>) {
  let result: FunctionUrlResult | undefined;
  const out = await captureStdout(async () => (result = await invoke(...args)));
  const docs = emfDocuments(out);
  for (const doc of docs) expect(emfProblems(doc, NAMESPACE)).toEqual([]);
  return { result: result!, out, logs: requestLogs(out), metrics: docs.map(metricValues) };
}

describe("request logs and EMF metrics from the OpenNext bundle", () => {
  it("logs a counted view with the function URL's trace id, and publishes its metrics", async () => {
    const trace = { "x-amzn-trace-id": `Root=${TRACE_ROOT};Parent=53995c3f42cd8ad8;Sampled=0` };
    const { result, out, logs, metrics } = await observed("GET", "/", { ...VISITOR, ...trace });
    expect(result.statusCode).toBe(200);
    expect(logs).toEqual([
      expect.objectContaining({ level: "INFO", route: "/", outcome: "counted", requestId: TRACE_ROOT }),
    ]);
    expect(metrics).toEqual([
      {
        Visits: 1,
        UniqueVisitors: 1,
        UniquesCapped: 0,
        CounterErrors: 0,
        CounterLatency: logs[0]?.latencyMs,
      },
    ]);
    expect(out).not.toContain("198.51.100.231");
    expect(out).not.toContain("Qwv83");
  });

  it("logs and measures GET /api/visits", async () => {
    const { logs, metrics } = await observed("GET", "/api/visits", VISITOR);
    expect(logs).toEqual([expect.objectContaining({ route: "/api/visits", outcome: "ok", status: 200 })]);
    expect(logs[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(metrics).toEqual([{ CounterErrors: 0, CounterLatency: expect.any(Number) }]);
  });

  it("publishes a completed download with its bytes, and a range without counting a download", async () => {
    const full = await observed("GET", "/resume/download", VISITOR);
    expect(full.result.statusCode).toBe(200);
    expect(full.logs).toEqual([
      expect.objectContaining({ route: "/resume/download", outcome: "body", status: 200 }),
    ]);
    expect(full.metrics).toEqual([
      {
        DownloadErrors: 0,
        DownloadBytes: stored.length,
        ResumeDownloads: 1,
        DownloadLatency: full.logs[0]?.latencyMs,
      },
    ]);
    expect(full.out).not.toContain("198.51.100.231");
    expect(full.out).not.toContain("Qwv83");

    // The same visitor's second whole download that day: its bytes, but no download.
    const again = await observed("GET", "/resume/download", VISITOR);
    expect(again.result.statusCode).toBe(200);
    expect(again.metrics).toEqual([
      {
        DownloadErrors: 0,
        DownloadBytes: stored.length,
        ResumeDownloads: 0,
        DownloadLatency: again.logs[0]?.latencyMs,
      },
    ]);

    const piece = await observed("GET", "/resume/download", { ...VISITOR, range: "bytes=0-99" });
    expect(piece.result.statusCode).toBe(206);
    expect(piece.metrics).toEqual([
      { DownloadErrors: 0, DownloadBytes: 100, DownloadLatency: expect.any(Number) },
    ]);
  });

  it("publishes no download for HEAD or a 304, and logs a refused method", async () => {
    const head = await observed("HEAD", "/resume/download");
    expect(head.logs[0]).toMatchObject({ outcome: "headers-only", status: 200 });
    expect(head.metrics).toEqual([{ DownloadErrors: 0, DownloadLatency: expect.any(Number) }]);
    const refused = await observed("POST", "/resume/download");
    expect(refused.logs[0]).toMatchObject({ outcome: "method-not-allowed", status: 405 });
  });
});

describe("GET /api/health on the OpenNext bundle", () => {
  it("answers 200 with each dependency ok, shared by CloudFront for 5 s, and counts no visit", async () => {
    const visits = async () => JSON.parse(bodyBytes(await invoke("GET", "/api/visits")).toString());
    const before = await visits();
    const result = await invoke("GET", "/api/health");
    expect(result.statusCode).toBe(200);
    expect(result.headers["content-type"]).toMatch(/^application\/json/);
    expect(result.headers["cache-control"]).toBe("public, max-age=0, s-maxage=5");
    expect(JSON.parse(bodyBytes(result).toString())).toMatchObject({
      status: "ok",
      dependencies: { dynamodb: { status: "ok" }, s3: { status: "ok", resume: "present" } },
    });
    expect(await visits()).toEqual(before);
  });
});
