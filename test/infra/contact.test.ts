import { describe, expect, it } from "vitest";
import { ESBUILD_CONDITIONS, FUNCTION_RUNTIME, HANDLERS } from "../../infra/function-build";
import { CONTACT_PATH } from "../../lib/contact/form";
import { ORIGIN_HEADER, originSecret } from "../../lib/contact/keys";
import { NEXT_ATTEMPT_ATTRIBUTE, PENDING_ATTRIBUTE, PENDING_INDEX } from "../../lib/contact/pending-index";
import { RETRY_EVERY_MINUTES } from "../../lib/contact/retry-schedule";
import { metricNamespace } from "../../lib/observability/metric-names";
import { portfolio } from "../../lib/content/portfolio";
import { mockResourceState } from "./program/mock-state";
import { SCENARIOS, TEST_FORM_KEY } from "./scenarios";
import { arnOf, input, ofType, one, synthesisOf } from "./stack";

type Local = {
  FUNCTIONS: Record<"contactApi" | "contactRetry", { handler: string; timeoutMs: number }>;
  RETRY_EVERY_MS: number;
  CONTACT_PATH: string;
};
// Plain JavaScript, loaded as the local server loads it.
const local = (await import("../../scripts/dev/local-functions.mjs" as string)) as Local;

const production = synthesisOf("production");
const preview = synthesisOf("preview");
const { env } = SCENARIOS.production;
const fn = (stack: typeof production, prefix: string) => one(stack, "aws:lambda/function:Function", prefix);

describe("POST /api/contact on AWS", () => {
  const api = one(production, "aws:apigatewayv2/api:Api", "ContactApi");
  const stage = one(production, "aws:apigatewayv2/stage:Stage", "ContactApi");

  it("is an HTTP API that allows no cross-origin calls (the form is same-origin through the Router)", () => {
    expect(input(api, "protocolType")).toBe("HTTP");
    expect(input(api, "corsConfiguration")).toEqual({});
  });

  it("throttles every route at the configured rate and burst, defaults 1/s and 5", () => {
    expect(input(stage, "defaultRouteSettings")).toEqual({
      throttlingRateLimit: Number(env.PORTFOLIO_CONTACT_RATE_LIMIT),
      throttlingBurstLimit: Number(env.PORTFOLIO_CONTACT_BURST_LIMIT),
    });
    expect(input(one(preview, "aws:apigatewayv2/stage:Stage", "ContactApi"), "defaultRouteSettings")).toEqual(
      {
        throttlingRateLimit: 1,
        throttlingBurstLimit: 5,
      },
    );
  });

  it("has one route, POST /api/contact, to the contact function with payload 2.0, which only this API may invoke", () => {
    const route = one(production, "aws:apigatewayv2/route:Route", "ContactApiRoute");
    expect(input(route, "routeKey")).toBe(`POST ${CONTACT_PATH}`);
    expect(ofType(production, "aws:apigatewayv2/route:Route")).toHaveLength(1);
    const integration = one(production, "aws:apigatewayv2/integration:Integration", "ContactApiRoute");
    const handler = fn(production, "ContactApiRoute");
    expect(integration.inputs).toMatchObject({
      integrationType: "AWS_PROXY",
      payloadFormatVersion: "2.0",
      integrationUri: arnOf(handler),
    });
    const permission = one(production, "aws:lambda/permission:Permission", "ContactApiRoute");
    expect(permission.inputs).toMatchObject({
      action: "lambda:InvokeFunction",
      principal: "apigateway.amazonaws.com",
      sourceArn: `${String(mockResourceState(api.type, api.name, api.inputs).state.executionArn)}/*`,
    });
  });

  it("is what the Router sends /api/contact to", () => {
    const keys = one(production, "pulumi-nodejs:dynamic:Resource", `CdnRoute${CONTACT_PATH}RouteKey`);
    const metadata = JSON.parse(input<{ metadata: string }>(keys, "entries").metadata) as { host: string };
    const endpoint = String(mockResourceState(api.type, api.name, api.inputs).state.apiEndpoint);
    expect(`https://${metadata.host}`).toBe(endpoint);
    const update = one(production, "pulumi-nodejs:dynamic:Resource", `CdnRoute${CONTACT_PATH}RoutesUpdate`);
    expect(input<string>(update, "entry")).toMatch(new RegExp(`^url,\\w+,,${CONTACT_PATH}$`));
  });

  it("gets CloudFront's origin header on every request for it, which the function requires (closing the execute-api bypass)", () => {
    const code = input<string>(
      one(production, "aws:cloudfront/function:Function", "CdnCloudfrontFunctionRequest"),
      "code",
    );
    const secret = originSecret(TEST_FORM_KEY);
    expect(code).toContain(
      `event.request.headers[${JSON.stringify(ORIGIN_HEADER)}] = { value: ${JSON.stringify(secret)} }`,
    );
    expect(code).toContain(`event.request.uri === ${JSON.stringify(CONTACT_PATH)}`);
    // Kept encrypted in the state, like the secret it comes from.
    for (const r of production.resources)
      expect(JSON.stringify(r.publicInputs), r.name).not.toContain(secret);
  });
});

describe("the functions", () => {
  it.each([
    ["ContactApiRoute", HANDLERS.contactApi, 15],
    ["ContactRetryHandler", HANDLERS.contactRetry, 60],
    ["DigestHandler", HANDLERS.digest, 60],
  ])("%s runs %s on Node 22, arm64, %i s, logs kept a month", (prefix, handler, timeout) => {
    expect(fn(production, prefix).inputs).toMatchObject({
      handler,
      runtime: FUNCTION_RUNTIME,
      architectures: ["arm64"],
      timeout,
    });
    expect(input(one(production, "aws:cloudwatch/logGroup:LogGroup", prefix), "retentionInDays")).toBe(30);
    const build = production.builds.find((b) => b.functionID.startsWith(prefix));
    // Built so `server-only` resolves to its empty module, as the Lambda contract tests build them.
    expect(build?.conditions).toEqual(ESBUILD_CONDITIONS);
  });

  it("are the ones the local server runs, with the same timeouts and schedule", () => {
    expect(local.CONTACT_PATH).toBe(CONTACT_PATH);
    expect(local.FUNCTIONS.contactApi).toEqual({ handler: HANDLERS.contactApi, timeoutMs: 15_000 });
    expect(local.FUNCTIONS.contactRetry).toEqual({ handler: HANDLERS.contactRetry, timeoutMs: 60_000 });
    expect(local.RETRY_EVERY_MS).toBe(RETRY_EVERY_MINUTES * 60_000);
  });

  it("link what they read: the contact API the form key, the digest the visit counters", () => {
    const links = (prefix: string) =>
      production.builds.find((b) => b.functionID.startsWith(prefix))?.links.sort();
    expect(links("ContactApiRoute")).toEqual(["ContactFormKey", "Messages", "Sender"]);
    expect(links("ContactRetryHandler")).toEqual(["Messages", "Sender"]);
    expect(links("DigestHandler")).toEqual(["Messages", "Sender", "Visits"]);
  });
});

describe("the schedules", () => {
  it("retry undelivered messages every few minutes", () => {
    const schedule = one(production, "aws:scheduler/schedule:Schedule", "ContactRetrySchedule");
    expect(input(schedule, "scheduleExpression")).toBe(`rate(${RETRY_EVERY_MINUTES} minutes)`);
    expect(input(schedule, "target.arn")).toBe(arnOf(fn(production, "ContactRetryHandler")));
    expect(input(schedule, "state")).toBe("ENABLED");
  });

  it("send the digest daily at the configured hour in the configured time zone (08:00 UTC by default), retried twice", () => {
    const schedule = one(production, "aws:scheduler/schedule:Schedule", "DigestSchedule");
    expect(schedule.inputs).toMatchObject({
      scheduleExpression: `cron(0 ${env.PORTFOLIO_DIGEST_HOUR} * * ? *)`,
      scheduleExpressionTimezone: env.PORTFOLIO_TIMEZONE,
      target: { arn: arnOf(fn(production, "DigestHandler")), retryPolicy: { maximumRetryAttempts: 2 } },
    });
    const byDefault = one(preview, "aws:scheduler/schedule:Schedule", "DigestSchedule");
    expect(input(byDefault, "scheduleExpression")).toBe("cron(0 8 * * ? *)");
    expect(input(byDefault, "scheduleExpressionTimezone")).toBe("UTC");
  });
});

describe("the messages and the mail identity", () => {
  it("keep messages in their own table with TTL, an index of undelivered ones, and (in production) deletion protection", () => {
    const table = one(production, "aws:dynamodb/table:Table", "MessagesTable");
    expect(table.inputs).toMatchObject({
      ttl: { attributeName: "expiresAt", enabled: true },
      deletionProtectionEnabled: true,
      globalSecondaryIndexes: [
        {
          name: PENDING_INDEX,
          hashKey: PENDING_ATTRIBUTE,
          rangeKey: NEXT_ATTEMPT_ATTRIBUTE,
          projectionType: "ALL",
        },
      ],
    });
    expect(table.retainOnDelete).toBe(true);
    expect(
      input(one(preview, "aws:dynamodb/table:Table", "MessagesTable"), "deletionProtectionEnabled"),
    ).toBe(false);
  });

  it("send from an SES identity for the owner's address: the configured one, else the content file's", () => {
    expect(
      input(one(production, "aws:sesv2/emailIdentity:EmailIdentity", "SenderIdentity"), "emailIdentity"),
    ).toBe(env.PORTFOLIO_OWNER_EMAIL);
    expect(
      input(one(preview, "aws:sesv2/emailIdentity:EmailIdentity", "SenderIdentity"), "emailIdentity"),
    ).toBe(portfolio.contact.email);
  });

  it("turn the download alert on for the server only when configured", () => {
    const variables = (stack: typeof production) =>
      input<Record<string, string>>(fn(stack, "SiteServer"), "environment.variables");
    expect(variables(production).PORTFOLIO_DOWNLOAD_ALERT).toBe("on");
    expect(variables(preview).PORTFOLIO_DOWNLOAD_ALERT).toBeUndefined();
  });
});

describe("the contact alarms", () => {
  const alarm = (name: string) => one(production, "aws:cloudwatch/metricAlarm:MetricAlarm", name);
  type Query = {
    id: string;
    expression?: string;
    metric?: { namespace: string; metricName: string; dimensions?: Record<string, string> };
  };

  it("fire on a message the endpoint could not store, and on any contact function's errors", () => {
    const queries = input<Query[]>(alarm("ContactErrors"), "metricQueries");
    const metrics = queries.flatMap((q) => (q.metric ? [q.metric] : []));
    expect(metrics).toContainEqual(
      expect.objectContaining({ namespace: metricNamespace("production"), metricName: "ContactErrors" }),
    );
    const functions = metrics
      .filter((m) => m.namespace === "AWS/Lambda")
      .map((m) => m.dimensions?.FunctionName);
    const expected = ["ContactApiRoute", "ContactRetryHandler", "DigestHandler"].map((p) =>
      input(fn(production, p), "name"),
    );
    expect(functions.sort()).toEqual(expected.sort());
    const sum = queries.find((q) => q.expression)?.expression ?? "";
    for (const q of queries.filter((query) => query.metric)) expect(sum).toContain(q.id);
  });

  it("fire when a message is still undelivered an hour after it arrived, keeping state between the retry job's reports", () => {
    expect(alarm("UndeliveredMessages").inputs).toMatchObject({
      namespace: metricNamespace("production"),
      metricName: "OverdueMessages",
      statistic: "Maximum",
      threshold: 1,
      treatMissingData: "ignore",
    });
  });
});
