// Reads what the app wrote to stdout (or METRICS_FILE): its JSON log lines and its
// CloudWatch Embedded Metric Format documents, checked against the EMF specification's
// shape and the app's metric list. Shared by the integration and Lambda contract layers.
import { METRICS } from "../../lib/observability/metric-names";

export type EmfDocument = {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [name: string]: unknown;
};

export type LogLine = { level: string; message: string; [key: string]: unknown };

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function emfDocuments(text: string): EmfDocument[] {
  return jsonLines(text).filter((line): line is EmfDocument => "_aws" in line);
}

export function requestLogs(text: string): LogLine[] {
  return jsonLines(text).filter((line): line is LogLine => line.message === "request");
}

/** Everything wrong with an EMF document; empty when CloudWatch would accept it as ours. */
export function emfProblems(doc: EmfDocument, namespace: string): string[] {
  const problems: string[] = [];
  const directives = doc._aws.CloudWatchMetrics;
  if (!Number.isInteger(doc._aws.Timestamp)) problems.push("Timestamp is not epoch milliseconds");
  if (directives.length !== 1) problems.push(`${directives.length} metric directives, expected 1`);
  for (const directive of directives) {
    if (directive.Namespace !== namespace)
      problems.push(`namespace ${directive.Namespace}, not ${namespace}`);
    // The dashboard and alarms query the metrics without dimensions.
    if (directive.Dimensions.flat().length > 0)
      problems.push(`dimensions ${JSON.stringify(directive.Dimensions)}`);
    for (const { Name, Unit } of directive.Metrics) {
      const known = METRICS.find((metric) => metric.name === Name);
      if (!known) problems.push(`${Name} is not in lib/observability/metric-names.ts`);
      else if (known.unit !== Unit) problems.push(`${Name} in ${Unit}, not ${known.unit}`);
      if (typeof doc[Name] !== "number") problems.push(`${Name} has no numeric value`);
    }
  }
  return problems;
}

/** The metric values of a document, by name. */
export function metricValues(doc: EmfDocument): Record<string, unknown> {
  const names = doc._aws.CloudWatchMetrics.flatMap((directive) => directive.Metrics.map((m) => m.Name));
  return Object.fromEntries(names.map((name) => [name, doc[name]]));
}
