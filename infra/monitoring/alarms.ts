// CloudWatch alarms on the server function, the Visits table and the app's own error
// counts. Every alarm notifies the alert topic when it fires and when it clears.
import { type MetricName, metricNamespace } from "../../lib/observability/metric-names";
import { VISITS_TABLE_ACTIONS } from "../permissions";

type Targets = { functionName: $util.Output<string>; tableName: $util.Output<string>; topic: aws.sns.Topic };

export const FIVE_MINUTES = 300;
// A warm render takes well under a second and the AWS clients give up within about 2 s
// (lib/aws.ts): a p95 above 3 s for 15 minutes means requests are stuck on something else.
const P95_DURATION_LIMIT_MS = 3_000;
const MAX_5XX_PERCENT = 5;

/** Makes alarms that notify `topic`: by default, firing when a count reaches 1 in one period. */
export function alarmFactory(topic: aws.sns.Topic) {
  return (id: string, description: string, args: Partial<aws.cloudwatch.MetricAlarmArgs>) =>
    new aws.cloudwatch.MetricAlarm(`${id}Alarm`, {
      name: `${$app.name}-${$app.stage}-${id}`,
      alarmDescription: description,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      evaluationPeriods: 1,
      threshold: 1,
      // Quiet periods send no data points; no traffic is not a failure.
      treatMissingData: "notBreaching",
      alarmActions: [topic.arn],
      okActions: [topic.arn],
      ...args,
    });
}

export function createAlarms({ functionName, tableName, topic }: Targets): aws.cloudwatch.MetricAlarm[] {
  const alarm = alarmFactory(topic);
  const lambda = (metricName: string) => ({
    namespace: "AWS/Lambda",
    metricName,
    dimensions: { FunctionName: functionName },
    period: FIVE_MINUTES,
  });
  const appMetric = (metricName: MetricName) => ({ namespace: metricNamespace($app.stage), metricName });

  return [
    alarm("ServerErrors", "The server function crashed or timed out. See its logs.", {
      ...lambda("Errors"),
      statistic: "Sum",
    }),
    alarm("ServerThrottles", "Requests hit the reserved-concurrency cap: abuse, or time to raise the cap.", {
      ...lambda("Throttles"),
      statistic: "Sum",
    }),
    alarm("ServerDurationP95", `p95 render time above ${P95_DURATION_LIMIT_MS} ms for 15 minutes.`, {
      ...lambda("Duration"),
      extendedStatistic: "p95",
      evaluationPeriods: 3,
      threshold: P95_DURATION_LIMIT_MS,
      comparisonOperator: "GreaterThanThreshold",
    }),
    alarm("Server5xxRate", `More than ${MAX_5XX_PERCENT}% of requests answered 5xx.`, {
      threshold: MAX_5XX_PERCENT,
      comparisonOperator: "GreaterThanThreshold",
      metricQueries: [
        { id: "rate", expression: "IF(requests > 0, 100 * errors / requests, 0)", returnData: true },
        { id: "errors", metric: { ...lambda("Url5xxCount"), stat: "Sum" } },
        { id: "requests", metric: { ...lambda("UrlRequestCount"), stat: "Sum" } },
      ],
    }),
    alarm("VisitsThrottles", "DynamoDB throttled requests to the Visits table.", {
      // ThrottledRequests exists per operation: one query per action the app may call.
      metricQueries: [
        {
          id: "throttled",
          expression: `SUM([${VISITS_TABLE_ACTIONS.map((_, i) => `op${i}`).join(",")}])`,
          returnData: true,
        },
        ...VISITS_TABLE_ACTIONS.map((action, i) => ({
          id: `op${i}`,
          metric: {
            namespace: "AWS/DynamoDB",
            metricName: "ThrottledRequests",
            dimensions: { TableName: tableName, Operation: action.replace("dynamodb:", "") },
            period: FIVE_MINUTES,
            stat: "Sum",
          },
        })),
      ],
    }),
    // A failing counter or download still answers (the page says "unavailable", the download
    // a 503), so the app's own error counts are the signal.
    alarm("CounterErrors", "The visitor counter failed; visitors saw 'count unavailable'.", {
      ...appMetric("CounterErrors"),
      period: FIVE_MINUTES,
      statistic: "Sum",
    }),
    alarm("DownloadErrors", "Resume downloads failed.", {
      ...appMetric("DownloadErrors"),
      period: FIVE_MINUTES,
      statistic: "Sum",
    }),
  ];
}
