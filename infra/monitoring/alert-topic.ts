// Where alarms and the budget send their notifications: one SNS topic, and optionally
// an email subscription (AWS mails a confirmation link that must be clicked once).
import type { InfraConfig } from "../config";

export function createAlertTopic(config: InfraConfig): aws.sns.Topic {
  const topic = new aws.sns.Topic("Alerts");
  const account = aws.getCallerIdentityOutput().accountId;

  // A topic policy replaces the default one, so it names both publishers, each only on
  // behalf of this account.
  new aws.sns.TopicPolicy("AlertsPolicy", {
    arn: topic.arn,
    policy: aws.iam.getPolicyDocumentOutput({
      statements: ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"].map((service) => ({
        principals: [{ type: "Service", identifiers: [service] }],
        actions: ["sns:Publish"],
        resources: [topic.arn],
        conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account] }],
      })),
    }).json,
  });

  if (config.alarmEmail) {
    new aws.sns.TopicSubscription("AlertsEmail", {
      topic: topic.arn,
      protocol: "email",
      endpoint: config.alarmEmail,
    });
  }
  return topic;
}
