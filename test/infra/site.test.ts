import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCENARIOS, TEST_FORM_KEY, TEST_SALT } from "./scenarios";
import { arnOf, input, ofType, one, synthesisOf } from "./stack";

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

  it("has the configured reserved concurrency", () => {
    expect(input(server, "reservedConcurrentExecutions")).toBe(Number(env.PORTFOLIO_RESERVED_CONCURRENCY));
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
    // The contact API's function is invoked by API Gateway instead (test/infra/contact.test.ts).
    const permissions = ofType(stack, "aws:lambda/permission:Permission").filter(
      (p) => !p.name.startsWith("ContactApi"),
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
      rateBasedStatement: { aggregateKeyType: "IP", limit: Number(env.PORTFOLIO_WAF_RATE_LIMIT) },
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

describe("the secrets: the visitor-hash salt and the contact form key", () => {
  it("is an SST secret linked to the server, which SST encrypts into the function's bundle", () => {
    one(stack, "sst:sst:Secret", "VisitorSalt");
    const build = stack.builds.find((b) => b.functionID.startsWith("SiteServer"));
    // With the download alert on (production's scenario), the mail links too.
    expect(build?.links.sort()).toEqual([
      "ContactFormKey",
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
