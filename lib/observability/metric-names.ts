// The app's custom CloudWatch metrics, in one list shared by the code that emits them and
// by the dashboard and alarms in infra/ (which must not name a metric the app never sends).
// No AWS SDK here: infra/ bundles this file into the SST config.

/** CloudWatch's unit names for the units these metrics use. */
export type MetricUnit = "Count" | "Bytes" | "Milliseconds";

export const METRICS = [
  { name: "Visits", unit: "Count" },
  { name: "UniqueVisitors", unit: "Count" },
  // A visitor's first view of the day not counted as a unique: their address's cap was full.
  { name: "UniquesCapped", unit: "Count" },
  { name: "ResumeDownloads", unit: "Count" },
  { name: "DownloadBytes", unit: "Bytes" },
  { name: "CounterErrors", unit: "Count" },
  { name: "DownloadErrors", unit: "Count" },
  { name: "CounterLatency", unit: "Milliseconds" },
  { name: "DownloadLatency", unit: "Milliseconds" },
  { name: "ContactMessages", unit: "Count" },
  { name: "ContactSpam", unit: "Count" },
  { name: "ContactRejected", unit: "Count" },
  { name: "ContactErrors", unit: "Count" },
  { name: "ContactLatency", unit: "Milliseconds" },
  { name: "MailFailures", unit: "Count" },
  { name: "UndeliveredMessages", unit: "Count" },
  { name: "OverdueMessages", unit: "Count" },
] as const satisfies readonly { name: string; unit: MetricUnit }[];

export type MetricName = (typeof METRICS)[number]["name"];

/**
 * The namespace the app publishes to. One per stage, so a preview stage's traffic never
 * shows on production's dashboard or trips its alarms. Metrics carry no dimensions.
 */
export function metricNamespace(stage: string): string {
  return `Portfolio/${stage}`;
}
