// Alarms on the contact form and the owner's mail: a message the endpoint could not store
// (the visitor was asked to try again) or a contact function failing, and a message still
// undelivered an hour after it arrived (SES refusing or down; the message stays stored and
// the retry job keeps trying).
import { metricNamespace } from "../../lib/observability/metric-names";
import { alarmFactory, FIVE_MINUTES } from "./alarms";

type Targets = { contactFunctions: $util.Output<string>[]; topic: aws.sns.Topic };

export function createContactAlarms({ contactFunctions, topic }: Targets): aws.cloudwatch.MetricAlarm[] {
  const alarm = alarmFactory(topic);
  const namespace = metricNamespace($app.stage);
  const sum = { period: FIVE_MINUTES, stat: "Sum" };
  return [
    alarm(
      "ContactErrors",
      "The contact form could not store a message, or a contact function failed. See their logs.",
      {
        metricQueries: [
          {
            id: "errors",
            expression: `SUM([stored, ${contactFunctions.map((_, i) => `fn${i}`).join(", ")}])`,
            returnData: true,
          },
          { id: "stored", metric: { namespace, metricName: "ContactErrors", ...sum } },
          ...contactFunctions.map((name, i) => ({
            id: `fn${i}`,
            metric: {
              namespace: "AWS/Lambda",
              metricName: "Errors",
              dimensions: { FunctionName: name },
              ...sum,
            },
          })),
        ],
      },
    ),
    // The retry job reports every RETRY_EVERY_MINUTES; a period without its report keeps
    // the alarm's state instead of clearing it.
    alarm("UndeliveredMessages", "A contact message is still undelivered an hour after it arrived.", {
      namespace,
      metricName: "OverdueMessages",
      period: FIVE_MINUTES,
      statistic: "Maximum",
      treatMissingData: "ignore",
    }),
  ];
}
