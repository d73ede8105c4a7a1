import { describe, expect, it } from "vitest";
import { VISITS_TABLE_ACTIONS } from "../../infra/permissions";
import { METRICS, metricNamespace } from "../../lib/observability/metric-names";
import { SCENARIOS } from "./scenarios";
import { arnOf, input, ofType, one, synthesisOf } from "./stack";
import type { MockResource } from "./synthesize";

const stack = synthesisOf("production");
const { env } = SCENARIOS.production;
const functionName = input<string>(one(stack, "aws:lambda/function:Function", "SiteServer"), "name");
const tableName = input<string>(one(stack, "aws:dynamodb/table:Table", "VisitsTable"), "name");
const topicArn = arnOf(one(stack, "aws:sns/topic:Topic", "Alerts"));
const alarm = (name: string) => one(stack, "aws:cloudwatch/metricAlarm:MetricAlarm", name);
type Query = { id: string; expression?: string; metric?: Record<string, unknown> };

describe("logs", () => {
  it("keep every function's log group for a set time, the server's for 30 days", () => {
    const groups = ofType(stack, "aws:cloudwatch/logGroup:LogGroup");
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const group of groups) expect(input(group, "retentionInDays"), group.name).toBeGreaterThan(0);
    expect(input(one(stack, "aws:cloudwatch/logGroup:LogGroup", "SiteServer"), "retentionInDays")).toBe(30);
  });
});

describe("alarms", () => {
  const onServer = (a: MockResource, metricName: string) =>
    expect(a.inputs).toMatchObject({
      namespace: "AWS/Lambda",
      metricName,
      dimensions: { FunctionName: functionName },
    });

  it("fire on server errors, throttles and p95 duration", () => {
    onServer(alarm("ServerErrors"), "Errors");
    onServer(alarm("ServerThrottles"), "Throttles");
    onServer(alarm("ServerDurationP95"), "Duration");
    expect(input(alarm("ServerDurationP95"), "extendedStatistic")).toBe("p95");
  });

  it("fire on the share of 5xx answers from the server's function URL", () => {
    const queries = input<Query[]>(alarm("Server5xxRate"), "metricQueries");
    const metrics = queries.flatMap((q) => (q.metric ? [q.metric] : []));
    expect(metrics.map((m) => m.metricName).sort()).toEqual(["Url5xxCount", "UrlRequestCount"]);
    for (const m of metrics) expect(m.dimensions).toEqual({ FunctionName: functionName });
    expect(queries.find((q) => q.expression)?.expression).toMatch(/100 \* errors \/ requests/);
  });

  it("fire on DynamoDB throttling of any operation the app may call on the Visits table", () => {
    const queries = input<Query[]>(alarm("VisitsThrottles"), "metricQueries");
    const operations = queries.flatMap((q) =>
      q.metric?.metricName === "ThrottledRequests"
        ? [(q.metric.dimensions as Record<string, string>).Operation]
        : [],
    );
    expect(operations).toEqual(VISITS_TABLE_ACTIONS.map((a) => a.replace("dynamodb:", "")));
    for (const q of queries.filter((query) => query.metric))
      expect(q.metric?.dimensions).toMatchObject({ TableName: tableName });
  });

  it("fire on the app's own counter and download errors, by the names in lib/observability/metric-names.ts", () => {
    for (const name of ["CounterErrors", "DownloadErrors"]) {
      expect(alarm(name).inputs).toMatchObject({
        namespace: metricNamespace("production"),
        metricName: name,
      });
    }
  });

  it("all notify the alert topic when they fire and when they clear", () => {
    const alarms = ofType(stack, "aws:cloudwatch/metricAlarm:MetricAlarm");
    expect(alarms).toHaveLength(9);
    for (const a of alarms)
      expect(a.inputs, a.name).toMatchObject({ alarmActions: [topicArn], okActions: [topicArn] });
  });
});

describe("notifications and cost", () => {
  it("email the configured address from the alert topic", () => {
    const subscription = one(stack, "aws:sns/topicSubscription:TopicSubscription", "AlertsEmail");
    expect(subscription.inputs).toMatchObject({
      topic: topicArn,
      protocol: "email",
      endpoint: env.PORTFOLIO_ALARM_EMAIL,
    });
  });

  it("let CloudWatch and AWS Budgets publish to the topic, for this account only", () => {
    const policy = JSON.stringify(
      input(one(stack, "aws:sns/topicPolicy:TopicPolicy", "AlertsPolicy"), "policy"),
    );
    for (const service of ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"])
      expect(policy).toContain(service);
    expect(policy).toContain("aws:SourceAccount");
  });

  it("include a monthly cost budget with the configured limit, reporting to the topic", () => {
    const budget = one(stack, "aws:budgets/budget:Budget", "MonthlyCost");
    expect(budget.inputs).toMatchObject({ budgetType: "COST", timeUnit: "MONTHLY", limitUnit: "USD" });
    expect(Number(input(budget, "limitAmount"))).toBe(Number(env.PORTFOLIO_MONTHLY_BUDGET_USD));
    const notifications = input<{ subscriberSnsTopicArns: string[] }[]>(budget, "notifications");
    expect(notifications.length).toBeGreaterThan(0);
    for (const n of notifications) expect(n.subscriberSnsTopicArns).toEqual([topicArn]);
  });
});

describe("the dashboard", () => {
  const body = JSON.parse(
    input<string>(one(stack, "aws:cloudwatch/dashboard:Dashboard", "Dashboard"), "dashboardBody"),
  ) as {
    widgets: { properties: { title: string; metrics: unknown[][]; stat: string; period: number } }[];
  };
  const metrics = body.widgets.flatMap((w) => w.properties.metrics);

  it("shows the server function's invocations, errors and duration", () => {
    for (const name of ["Invocations", "Errors", "Duration"]) {
      expect(metrics).toContainEqual(
        expect.arrayContaining(["AWS/Lambda", name, "FunctionName", functionName]),
      );
    }
  });

  it("shows every custom metric of lib/observability/metric-names.ts, and no other, in the stage's namespace", () => {
    const custom = new Set(metrics.filter((m) => m[0] === metricNamespace("production")).map((m) => m[1]));
    expect([...custom].sort()).toEqual(METRICS.map((m) => m.name).sort());
    expect(metrics.filter((m) => m[0] !== "AWS/Lambda" && m[0] !== metricNamespace("production"))).toEqual(
      [],
    );
  });

  it("starts with views, new visitors and resume downloads per hour, with no dimension per source", () => {
    expect(body.widgets[0]?.properties).toMatchObject({ stat: "Sum", period: 3600 });
    expect(body.widgets[0]?.properties.metrics).toEqual(
      ["Visits", "UniqueVisitors", "ResumeDownloads"].map((name) => [metricNamespace("production"), name]),
    );
    // Every custom metric is the bare [namespace, name]: no dimensions (one metric per source would be billed).
    for (const metric of metrics.filter((m) => m[0] === metricNamespace("production")))
      expect(metric).toHaveLength(2);
  });
});
