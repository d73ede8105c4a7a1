import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { captureStdout } from "@/test/support/capture-stdout";
import { type EmfDocument, emfDocuments, emfProblems, metricValues } from "@/test/support/emf";
import { publishMetrics } from "./metrics";

beforeEach(() => vi.stubEnv("SST_RESOURCE_App", JSON.stringify({ name: "portfolio", stage: "unit" })));
afterEach(() => vi.unstubAllEnvs());

describe("publishMetrics", () => {
  it("writes one EMF line to stdout: the stage's namespace, no dimensions, the listed units", async () => {
    const out = await captureStdout(async () =>
      publishMetrics({ Visits: 1, DownloadBytes: 2_048, CounterLatency: 12.5 }),
    );
    expect(out.endsWith("\n")).toBe(true);
    const docs = emfDocuments(out);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(emfProblems(doc, "Portfolio/unit")).toEqual([]);
    expect(doc._aws.CloudWatchMetrics[0]!.Metrics).toEqual([
      { Name: "Visits", Unit: "Count" },
      { Name: "DownloadBytes", Unit: "Bytes" },
      { Name: "CounterLatency", Unit: "Milliseconds" },
    ]);
    expect(metricValues(doc)).toEqual({ Visits: 1, DownloadBytes: 2_048, CounterLatency: 12.5 });
  });

  it("keeps concurrent calls apart: each line holds only its own values", async () => {
    const out = await captureStdout(async () => {
      publishMetrics({ Visits: 1 });
      publishMetrics({ ResumeDownloads: 1 });
    });
    expect(emfDocuments(out).map(metricValues)).toEqual([{ Visits: 1 }, { ResumeDownloads: 1 }]);
  });

  it("appends to METRICS_FILE instead of stdout when it is set", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "metrics-"));
    const file = path.join(dir, "metrics.jsonl");
    vi.stubEnv("METRICS_FILE", file);
    try {
      const out = await captureStdout(async () => {
        publishMetrics({ DownloadErrors: 1 });
        publishMetrics({ CounterErrors: 1 });
      });
      expect(out).toBe("");
      await vi.waitFor(() => expect(emfDocuments(readFileSync(file, "utf8"))).toHaveLength(2));
      expect(emfDocuments(readFileSync(file, "utf8")).map(metricValues)).toEqual([
        { DownloadErrors: 1 },
        { CounterErrors: 1 },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("emfProblems (the check the other layers rely on)", () => {
  const good = (): EmfDocument => ({
    _aws: {
      Timestamp: 1_700_000_000_000,
      CloudWatchMetrics: [
        { Namespace: "Portfolio/unit", Dimensions: [], Metrics: [{ Name: "Visits", Unit: "Count" }] },
      ],
    },
    Visits: 1,
  });

  it("accepts a well-formed document and names each fault of a bad one", () => {
    expect(emfProblems(good(), "Portfolio/unit")).toEqual([]);
    const bad = good();
    bad._aws.CloudWatchMetrics[0] = {
      Namespace: "aws-embedded-metrics",
      Dimensions: [["service"]],
      Metrics: [
        { Name: "Visits", Unit: "Milliseconds" },
        { Name: "Unlisted", Unit: "Count" },
      ],
    };
    expect(emfProblems(bad, "Portfolio/unit")).toEqual([
      "namespace aws-embedded-metrics, not Portfolio/unit",
      'dimensions [["service"]]',
      "Visits in Milliseconds, not Count",
      "Unlisted is not in lib/observability/metric-names.ts",
      "Unlisted has no numeric value",
    ]);
  });
});
