// No `import "server-only"`: the Pages API download route publishes metrics too (the lint
// rule keeps components/ away).
import { createWriteStream, type WriteStream } from "node:fs";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { Resource } from "sst";
import { METRICS, type MetricName, metricNamespace } from "./metric-names";

export type MetricValues = Partial<Record<MetricName, number>>;

const UNITS = new Map(METRICS.map((metric) => [metric.name, metric.unit]));

// METRICS_FILE (local stack only) appends the lines to a file instead of stdout. One
// stream per path, opened on first use: writes are queued, never awaited by a request.
const files = new Map<string, WriteStream>();

function write(line: string): void {
  const path = process.env.METRICS_FILE;
  if (!path) {
    // Not console.log: on Lambda it prefixes each line with a timestamp, the request id
    // and the level, and CloudWatch then no longer parses the line as EMF.
    process.stdout.write(line);
    return;
  }
  let file = files.get(path);
  if (!file) {
    file = createWriteStream(path, { flags: "a" });
    file.on("error", (error) => console.error("[metrics] cannot write", path, error));
    files.set(path, file);
  }
  file.write(line);
}

/**
 * Publishes one request's metrics as a single CloudWatch Embedded Metric Format line in
 * the stage's namespace; CloudWatch Logs turns it into metrics, so the role needs no
 * cloudwatch:PutMetricData and nothing waits on a network call.
 *
 * Powertools builds and checks the EMF document; a fresh instance per call, because one
 * process under `next start` serves concurrent requests whose metrics must not mix in a
 * shared store. Its `service` default dimension is dropped: the dashboard and alarms
 * (infra/) read these metrics without dimensions.
 */
export function publishMetrics(values: MetricValues): void {
  const metrics = new Metrics({ namespace: metricNamespace(Resource.App.stage) });
  metrics.clearDefaultDimensions();
  for (const [name, value] of Object.entries(values)) {
    const unit = UNITS.get(name as MetricName);
    if (unit) metrics.addMetric(name, unit, value);
  }
  write(`${JSON.stringify(metrics.serializeMetrics())}\n`);
  metrics.clearMetrics();
}
