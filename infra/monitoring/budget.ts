// A monthly cost budget for the whole AWS account (cost allocation tags would narrow it to
// this app, but only after someone activates them in the Billing console).
import type { InfraConfig } from "../config";

export function createBudget(config: InfraConfig, topic: aws.sns.Topic): aws.budgets.Budget {
  const notify = (notificationType: "ACTUAL" | "FORECASTED", threshold: number) => ({
    notificationType,
    comparisonOperator: "GREATER_THAN",
    threshold,
    thresholdType: "PERCENTAGE",
    subscriberSnsTopicArns: [topic.arn],
  });
  return new aws.budgets.Budget("MonthlyCost", {
    name: `${$app.name}-monthly-cost`,
    budgetType: "COST",
    timeUnit: "MONTHLY",
    limitAmount: config.monthlyBudgetUsd.toFixed(2),
    limitUnit: "USD",
    // Early warning when spend passes 80%, and when the month is heading past the limit.
    notifications: [notify("ACTUAL", 80), notify("FORECASTED", 100)],
  });
}
