// One CloudWatch dashboard per stage: the server function's traffic, errors and duration,
// and every custom metric the app publishes (lib/observability/metric-names.ts), grouped by unit.
import { METRICS, type MetricUnit, metricNamespace } from "../../lib/observability/metric-names";

type Widget = { title: string; metrics: unknown[][]; stat: string; period?: number };

/**
 * The owner's numbers, first on the dashboard: the counters' own metrics, summed per hour.
 * Sources and countries are not metrics: a dimension per source would make one custom
 * metric per referrer domain, utm value and tag (each $0.30 a month, and strangers choose
 * referrers), so they stay in the table's daily aggregates (npm run stats, docs/visits.md).
 */
export const AUDIENCE_METRICS = ["Visits", "UniqueVisitors", "ResumeDownloads"] as const;

const UNIT_TITLES: Record<MetricUnit, string> = {
  Count: "App events (count)",
  Bytes: "Resume bytes sent",
  Milliseconds: "App latency (ms, p95)",
};

export function createDashboard(functionName: $util.Output<string>): aws.cloudwatch.Dashboard {
  const lambda = (metric: string, options: Record<string, string> = {}) => [
    "AWS/Lambda",
    metric,
    "FunctionName",
    functionName,
    options,
  ];
  const namespace = metricNamespace($app.stage);
  const units = [...new Set(METRICS.map((m) => m.unit))];
  const widgets: Widget[] = [
    {
      title: "Views, new visitors and resume downloads (per hour)",
      metrics: AUDIENCE_METRICS.map((name) => [namespace, name]),
      stat: "Sum",
      period: 3600,
    },
    { title: "Server invocations", metrics: [lambda("Invocations")], stat: "Sum" },
    { title: "Server errors and throttles", metrics: [lambda("Errors"), lambda("Throttles")], stat: "Sum" },
    {
      title: "Server duration (ms)",
      metrics: [
        lambda("Duration", { stat: "p50" }),
        lambda("Duration", { stat: "p95" }),
        lambda("Duration", { stat: "Maximum" }),
      ],
      stat: "p95",
    },
    ...units.map((unit) => ({
      title: UNIT_TITLES[unit],
      metrics: METRICS.filter((m) => m.unit === unit).map((m) => [namespace, m.name]),
      stat: unit === "Milliseconds" ? "p95" : "Sum",
    })),
  ];
  const region = aws.getRegionOutput().region;

  return new aws.cloudwatch.Dashboard("Dashboard", {
    dashboardName: `${$app.name}-${$app.stage}`,
    dashboardBody: $jsonStringify({
      widgets: widgets.map((widget, i) => ({
        type: "metric",
        // Two columns of half-width graphs.
        x: (i % 2) * 12,
        y: Math.floor(i / 2) * 6,
        width: 12,
        height: 6,
        properties: { period: 300, ...widget, region, view: "timeSeries" },
      })),
    }),
  });
}
