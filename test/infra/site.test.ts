import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DROP_QUERY_INJECTION, viewerRequestInjection } from "../../infra/edge-request";
import { originSecret } from "../../lib/contact/keys";
import { SCENARIOS, TEST_FORM_KEY, TEST_SALT } from "./scenarios";
import { arnOf, input, ofType, one, roleStatements, synthesisOf } from "./stack";
import { STATIC_PATH_PREFIXES } from "../../infra/static-paths";

const stack = synthesisOf("production");
const server = one(stack, "aws:lambda/function:Function", "SiteServer");
const distribution = one(stack, "aws:cloudfront/distribution:Distribution", "CdnCdn");
const { env } = SCENARIOS.production;

describe("the server function", () => {
  it("runs Node 22 on arm64 with 1024 MB and a 10 s timeout", () => {
    expect(server.inputs).toMatchObject({
      runtime: "nodejs22.x",
      architectures: ["arm64"],
      memorySize: 1024,
      timeout: 10,
    });
  });

  it("has the configured reserved concurrency where the account's quota (1,000) allows it, and says so", () => {
    expect(input(server, "reservedConcurrentExecutions")).toBe(Number(env.PORTFOLIO_RESERVED_CONCURRENCY));
    expect(stack.outputs.concurrency).toBe("7 reserved of the account's 1000 concurrent executions");
  });

  it("reserves nothing on a new account whose quota is 10, which Lambda would refuse, and says why", () => {
    const fresh = synthesisOf("freshAccount");
    const freshServer = one(fresh, "aws:lambda/function:Function", "SiteServer");
    expect(input(freshServer, "reservedConcurrentExecutions")).toBeUndefined();
    expect(fresh.outputs.concurrency).toMatch(
      /^none reserved: the account's Lambda quota is 10 .*Service Quotas/,
    );
  });

  it("ships no native addons, which would break on arm64 (the bundle is built on x86)", () => {
    const bundle = ".open-next/server-functions/default";
    expect(existsSync(path.join(bundle, "index.mjs"))).toBe(true);
    const files = readdirSync(bundle, { recursive: true, encoding: "utf8" });
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => file.endsWith(".node"))).toEqual([]);
  });
});

describe("the way in", () => {
  it("answers function URL requests only when CloudFront signs them (OAC), for this distribution", () => {
    const urls = ofType(stack, "aws:lambda/functionUrl:FunctionUrl");
    expect(urls.map((u) => u.name).sort()).toEqual(["SiteImageOptimizerUrl", "SiteServerUseast1Url"]);
    for (const url of urls) expect(input(url, "authorizationType"), url.name).toBe("AWS_IAM");
    // The contact API's function is invoked by API Gateway instead (test/infra/contact.test.ts),
    // the warmer by its schedule (below).
    const permissions = ofType(stack, "aws:lambda/permission:Permission").filter(
      (p) => !p.name.startsWith("ContactApi") && !p.name.startsWith("SiteWarmer"),
    );
    expect(permissions.length).toBeGreaterThan(0);
    for (const p of permissions) {
      expect(p.inputs, p.name).toMatchObject({
        principal: "cloudfront.amazonaws.com",
        sourceArn: arnOf(distribution),
      });
    }
  });

  it("puts a WAF on the distribution with a per-IP rate limit and AWS's common rules", () => {
    const waf = one(stack, "aws:wafv2/webAcl:WebAcl", "CdnWaf");
    expect(input(distribution, "webAclId")).toBe(arnOf(waf));
    expect(input(waf, "scope")).toBe("CLOUDFRONT");
    const statements = input<{ statement: Record<string, unknown> }[]>(waf, "rules").map((r) => r.statement);
    expect(statements).toContainEqual({
      rateBasedStatement: expect.objectContaining({
        aggregateKeyType: "IP",
        limit: Number(env.PORTFOLIO_WAF_RATE_LIMIT),
      }),
    });
    expect(statements).toContainEqual({
      managedRuleGroupStatement: expect.objectContaining({
        vendorName: "AWS",
        name: "AWSManagedRulesCommonRuleSet",
      }),
    });
  });

  it("serves the configured custom domain with its own certificate", () => {
    expect(input(distribution, "aliases")).toEqual([env.PORTFOLIO_DOMAIN]);
    const certificate = one(stack, "aws:acm/certificate:Certificate", "CdnCdnSsl");
    expect(input(certificate, "domainName")).toBe(env.PORTFOLIO_DOMAIN);
    expect(input(distribution, "viewerCertificate.acmCertificateArn")).toBe(arnOf(certificate));
    expect(stack.outputs.url).toBe(`https://${env.PORTFOLIO_DOMAIN}`);
  });
});

describe("CloudFront and WAF", () => {
  it("keep WAF's CloudWatch metrics but no sampled requests (client IPs), for the web ACL and every rule", () => {
    const waf = one(stack, "aws:wafv2/webAcl:WebAcl", "CdnWaf");
    type Visibility = { sampledRequestsEnabled: boolean; cloudwatchMetricsEnabled: boolean };
    const rules = input<{ name: string; visibilityConfig: Visibility }[]>(waf, "rules");
    expect(rules.length).toBeGreaterThanOrEqual(2);
    for (const visibility of [
      input<Visibility>(waf, "visibilityConfig"),
      ...rules.map((r) => r.visibilityConfig),
    ]) {
      expect(visibility).toMatchObject({ sampledRequestsEnabled: false, cloudwatchMetricsEnabled: true });
    }
  });

  it("rate-limit each IP on server routes only: static files from S3 do not count against it", () => {
    const waf = one(stack, "aws:wafv2/webAcl:WebAcl", "CdnWaf");
    type Rule = {
      name: string;
      action?: unknown;
      statement: { rateBasedStatement?: Record<string, unknown> };
    };
    const rule = input<Rule[]>(waf, "rules").find((r) => r.name === "RateLimitPerIP");
    expect(rule?.action).toEqual({ block: {} });
    expect(rule?.statement.rateBasedStatement).toMatchObject({
      aggregateKeyType: "IP",
      limit: Number(env.PORTFOLIO_WAF_RATE_LIMIT),
      scopeDownStatement: {
        notStatement: {
          statements: [
            {
              orStatement: {
                statements: STATIC_PATH_PREFIXES.map((prefix) => ({
                  byteMatchStatement: expect.objectContaining({
                    fieldToMatch: { uriPath: {} },
                    positionalConstraint: "STARTS_WITH",
                    searchString: prefix,
                  }),
                })),
              },
            },
          ],
        },
      },
    });
    // Everything in public/ is served from S3 too: each top-level entry must be excluded.
    for (const entry of readdirSync("public")) expect(STATIC_PATH_PREFIXES).toContain(`/${entry}/`);
  });

  it("add security headers to what they serve from S3, without overriding the function's own", () => {
    const policy = one(
      stack,
      "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
      "SecurityHeaders",
    );
    expect(input(distribution, "defaultCacheBehavior.responseHeadersPolicyId")).toBe(
      `${policy.name.toLowerCase()}-id`,
    );
    const config = input<Record<string, Record<string, unknown>>>(policy, "securityHeadersConfig");
    expect(config.strictTransportSecurity).toMatchObject({ includeSubdomains: true, override: false });
    expect(Number(config.strictTransportSecurity?.accessControlMaxAgeSec)).toBeGreaterThanOrEqual(31_536_000);
    expect(config.contentTypeOptions).toEqual({ override: false });
    expect(config.frameOptions).toEqual({ frameOption: "DENY", override: false });
    expect(config.referrerPolicy).toEqual({
      referrerPolicy: "strict-origin-when-cross-origin",
      override: false,
    });
  });

  it("run one viewer-request injection: the query string dropped on /api/visits and /api/health, and the contact API's origin header", () => {
    const request = one(stack, "aws:cloudfront/function:Function", "CdnCloudfrontFunctionRequest");
    const code = input<string>(request, "code");
    const injection = viewerRequestInjection(originSecret(TEST_FORM_KEY));
    expect(injection).toContain(DROP_QUERY_INJECTION);
    // First in the handler: before the routing, and before CloudFront computes the cache key.
    expect(code.indexOf(injection)).toBeGreaterThan(0);
    expect(code.indexOf(injection)).toBeLessThan(code.indexOf("getRoutes"));
    expect(code.split(DROP_QUERY_INJECTION)).toHaveLength(2);
  });
});

describe("what reaches the server for the owner's insights", () => {
  // CloudFront's managed AllViewerExceptHostHeader origin request policy: every viewer
  // header but Host (Referer among them), every query string, and the CloudFront headers,
  // CloudFront-Viewer-Country and CloudFront-Viewer-Address among them.
  const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

  it("forwards the viewer's headers, Referer and CloudFront-Viewer-Country included, and every query string", () => {
    expect(input(distribution, "defaultCacheBehavior.originRequestPolicyId")).toBe(ALL_VIEWER_EXCEPT_HOST);
    const cachePolicyId = input<string>(distribution, "defaultCacheBehavior.cachePolicyId");
    const policy = ofType(stack, "aws:cloudfront/cachePolicy:CachePolicy").find(
      (p) => `${p.name.toLowerCase()}-id` === cachePolicyId,
    );
    expect(policy, "the default behaviour's cache policy").toBeDefined();
    expect(input(policy!, "parametersInCacheKeyAndForwardedToOrigin.queryStringsConfig")).toEqual({
      queryStringBehavior: "all",
    });
  });

  it("keeps the attribution parameters, the Referer and the viewer's country on the way to /", () => {
    const event = {
      request: {
        uri: "/",
        querystring: { via: { value: "acme" }, utm_source: { value: "linkedin" } },
        headers: {
          referer: { value: "https://www.linkedin.com/" },
          "cloudfront-viewer-country": { value: "FR" },
        },
      },
    };
    new Function("event", viewerRequestInjection(originSecret(TEST_FORM_KEY)))(event);
    expect(event.request.querystring).toEqual({ via: { value: "acme" }, utm_source: { value: "linkedin" } });
    expect(event.request.headers).toMatchObject({
      referer: { value: "https://www.linkedin.com/" },
      "cloudfront-viewer-country": { value: "FR" },
    });
  });
});

describe("the secrets: the visitor-hash salt and the contact form key", () => {
  it("is an SST secret linked to the server, which SST encrypts into the function's bundle", () => {
    one(stack, "sst:sst:Secret", "VisitorSalt");
    const build = stack.builds.find((b) => b.functionID.startsWith("SiteServer"));
    // With the download alert on (production's scenario), the mail links too.
    expect(build?.links.sort()).toEqual([
      "ContactFormKey",
      "DailyVisitors",
      "Messages",
      "Resume",
      "Sender",
      "VisitorSalt",
      "Visits",
    ]);
  });

  it.each([
    ["VisitorSalt", TEST_SALT],
    ["ContactFormKey", TEST_FORM_KEY],
  ])(
    "%s appears nowhere in clear text: not in environment variables, not in any resource's inputs",
    (name, value) => {
      const linkRef = one(stack, "sst:sst:LinkRef", `${name}LinkRef`);
      // The test would see the value if it were there: the link carries it, as a Pulumi secret.
      expect(JSON.stringify(linkRef.inputs)).toContain(value);
      for (const r of stack.resources) expect(JSON.stringify(r.publicInputs), r.name).not.toContain(value);
      const variables = ofType(stack, "aws:lambda/function:Function").map((f) =>
        input(f, "environment.variables"),
      );
      expect(JSON.stringify(variables)).not.toContain(value);
    },
  );
});

describe("the warmer", () => {
  it("keeps one server instance warm in production: SST's warmer invokes it once every 5 minutes", () => {
    const rule = one(stack, "aws:cloudwatch/eventRule:EventRule", "SiteWarmer");
    expect(input(rule, "scheduleExpression")).toBe("rate(5 minutes)");
    const warmer = one(stack, "aws:lambda/function:Function", "SiteWarmer");
    expect(input(warmer, "environment.variables")).toMatchObject({
      CONCURRENCY: "1",
      FUNCTION_NAME: input(server, "name"),
    });
    // Its role may invoke the server and nothing else.
    const role = one(stack, "aws:iam/role:Role", "SiteWarmer");
    expect(roleStatements(role)).toEqual([
      expect.objectContaining({
        effect: "Allow",
        actions: ["lambda:InvokeFunction"],
        resources: [arnOf(server)],
      }),
    ]);
    expect(one(stack, "aws:lambda/permission:Permission", "SiteWarmer").inputs).toMatchObject({
      principal: "events.amazonaws.com",
      function: arnOf(warmer),
      sourceArn: arnOf(rule),
    });
    // SST's wrapper answers the warmer's event before it loads Next (test/lambda/warmer.test.ts).
    expect(input(server, "handler")).not.toBe("index.handler");
  });

  it("keeps none warm on a preview stage or under sst dev", () => {
    for (const name of ["preview", "dev"] as const) {
      expect(synthesisOf(name).resources.filter((r) => r.name.includes("Warmer"))).toEqual([]);
    }
  });
});
