import { describe, expect, it } from "vitest";
import { input, ofType, one, synthesisOf } from "./stack";

const production = synthesisOf("production");
const preview = synthesisOf("preview");
const dataOf = (stack: typeof production) => ({
  table: one(stack, "aws:dynamodb/table:Table", "VisitsTable"),
  bucket: one(stack, "aws:s3/bucket:Bucket", "ResumeBucket"),
});

describe("production", () => {
  it("refuses `sst remove` and retains what it would otherwise delete", () => {
    expect(production.app).toMatchObject({ removal: "retain", protect: true });
    expect(production.outputs._protect).toBe(true);
  });

  it("keeps the table and the bucket when their resources are deleted", () => {
    const { table, bucket } = dataOf(production);
    expect(table.retainOnDelete).toBe(true);
    expect(bucket.retainOnDelete).toBe(true);
  });

  it("turns on the table's deletion protection and never empties the bucket", () => {
    const { table, bucket } = dataOf(production);
    expect(input(table, "deletionProtectionEnabled")).toBe(true);
    expect(input(bucket, "forceDestroy")).toBe(false);
  });
});

describe("any other stage", () => {
  it("can be removed, and removes everything", () => {
    expect(preview.app).toMatchObject({ removal: "remove", protect: false });
    expect(preview.resources.filter((r) => r.retainOnDelete || r.protect)).toEqual([]);
  });

  it("leaves the table unprotected and lets the versioned bucket be deleted with its objects", () => {
    const { table, bucket } = dataOf(preview);
    expect(input(table, "deletionProtectionEnabled")).toBe(false);
    expect(input(bucket, "forceDestroy")).toBe(true);
  });

  it("creates no account-wide budget, email subscription or custom domain without settings", () => {
    expect(ofType(preview, "aws:budgets/budget:Budget")).toEqual([]);
    expect(ofType(preview, "aws:sns/topicSubscription:TopicSubscription")).toEqual([]);
    expect(ofType(preview, "aws:acm/certificate:Certificate")).toEqual([]);
    expect(input(one(preview, "aws:cloudfront/distribution:Distribution", "CdnCdn"), "aliases")).toEqual([]);
  });

  it("uses the documented defaults", () => {
    expect(
      input(one(preview, "aws:lambda/function:Function", "SiteServer"), "reservedConcurrentExecutions"),
    ).toBe(10);
    const waf = one(preview, "aws:wafv2/webAcl:WebAcl", "CdnWaf");
    expect(JSON.stringify(input(waf, "rules"))).toContain('"limit":1000');
    expect(input(one(preview, "aws:lambda/function:Function", "SiteServer"), "environment")).toMatchObject({
      variables: { VISITS_ADDRESS_CAP: "20" },
    });
    const lifecycle = one(
      preview,
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      "ResumeLifecycle",
    );
    expect(JSON.stringify(input(lifecycle, "rules"))).toContain('"noncurrentDays":30');
  });
});

describe("a personal stage under `sst dev`", () => {
  const dev = synthesisOf("dev");

  it("deploys the data and the links, removes cleanly, and points the site at localhost", () => {
    expect(dev.app).toMatchObject({ removal: "remove", protect: false });
    expect(() => dataOf(dev)).not.toThrow();
    // The local server hosts the contact function there, so the mail resources are linked too.
    expect(dev.builds).toEqual([
      {
        functionID: "SiteDevServer",
        links: ["Visits", "DailyVisitors", "Resume", "VisitorSalt", "ContactFormKey", "Messages", "Sender"],
      },
    ]);
    expect(dev.outputs.url).toBe("http://localhost:3000");
  });

  it("reserves no concurrency for the dev server (SST's transform.server also shapes it), and reads no quota", () => {
    const devServer = one(dev, "aws:lambda/function:Function", "SiteDevServer");
    expect(input(devServer, "reservedConcurrentExecutions")).toBeUndefined();
    expect(dev.outputs.concurrency).toBeUndefined();
  });

  it("creates nothing that bills by the hour, runs by itself or alerts: no CDN, WAF, API, schedules, alarms, dashboard or budget", () => {
    for (const type of [
      "aws:cloudfront/distribution:Distribution",
      "aws:apigatewayv2/api:Api",
      "aws:scheduler/schedule:Schedule",
      "aws:wafv2/webAcl:WebAcl",
      "aws:cloudwatch/metricAlarm:MetricAlarm",
      "aws:cloudwatch/dashboard:Dashboard",
      "aws:budgets/budget:Budget",
    ]) {
      expect(ofType(dev, type), type).toEqual([]);
    }
  });
});
