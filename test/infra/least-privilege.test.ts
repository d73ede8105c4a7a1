import { describe, expect, it } from "vitest";
import { ROLE_GRANTS, RESUME_OBJECT_KEYS, type Role, type Target } from "../../infra/permissions";
import { PENDING_INDEX } from "../../lib/contact/pending-index";
import { type Grant, privilegeViolations, reaches } from "./privileges";
import {
  arnOf,
  input,
  ofType,
  one,
  roleStatements,
  type Statement,
  statementsOf,
  synthesisOf,
} from "./stack";
import type { Synthesis } from "./synthesize";

/** Our data in a stack, and the (action, ARN) pairs that roles in infra/permissions.ts allow on it. */
function ourData(stack: Synthesis) {
  const tableArn = arnOf(one(stack, "aws:dynamodb/table:Table", "VisitsTable"));
  const dailyArn = arnOf(one(stack, "aws:dynamodb/table:Table", "DailyVisitorsTable"));
  const bucketArn = arnOf(one(stack, "aws:s3/bucket:Bucket", "ResumeBucket"));
  const messagesArn = arnOf(one(stack, "aws:dynamodb/table:Table", "MessagesTable"));
  const sender = [
    arnOf(one(stack, "aws:sesv2/emailIdentity:EmailIdentity", "SenderIdentity")),
    arnOf(one(stack, "aws:sesv2/configurationSet:ConfigurationSet", "SenderConfig")),
  ];
  const arnsOf: Record<Target, string[]> = {
    visits: [tableArn],
    dailyVisitors: [dailyArn],
    resumeObjects: RESUME_OBJECT_KEYS.map((key) => `${bucketArn}/${key}`),
    // s3:ListBucket on the bucket itself, for 404s (infra/permissions.ts).
    resumeBucket: [bucketArn],
    messages: [messagesArn],
    pendingIndex: [`${messagesArn}/index/${PENDING_INDEX}`],
    sender,
  };
  const allowed = (...roles: Role[]): Grant[] =>
    roles.flatMap((role) =>
      ROLE_GRANTS[role].flatMap((grant) =>
        grant.actions.flatMap((action) => arnsOf[grant.on].map((resource) => ({ action, resource }))),
      ),
    );
  return {
    tableArn,
    bucketArn,
    messagesArn,
    ours: [tableArn, dailyArn, bucketArn, messagesArn, ...sender],
    allowed,
  };
}

const grant = (actions: string[], resources: string[]): Statement =>
  asStatement({ effect: "Allow", actions, resources });
const asStatement = (s: { effect: string; actions: string[]; resources: string[] }): Statement => ({
  ...s,
  principal: undefined,
  condition: undefined,
  negated: false,
});
const touchesOurs = (ours: string[]) => (s: Statement) =>
  s.resources.some((r) => ours.some((arn) => reaches(r, arn)));

// The contact functions' roles, by the prefix SST names them with, and the role each holds.
const FUNCTION_ROLES: [string, Role][] = [
  ["ContactApiRoute", "contactApi"],
  ["ContactRetryHandler", "contactRetry"],
  ["DigestHandler", "digest"],
];

describe.each(["production", "preview"] as const)("function roles (%s)", (scenario) => {
  const stack = synthesisOf(scenario);
  const { tableArn, bucketArn, messagesArn, ours, allowed } = ourData(stack);
  // Production turns the download alert on (test/infra/scenarios.ts); preview leaves it off.
  const siteRoles: Role[] = scenario === "production" ? ["site", "downloadAlert"] : ["site"];
  const site = roleStatements(one(stack, "aws:iam/role:Role", "SiteServer"));

  it("the server grants exactly its lists in infra/permissions.ts on our data, and no wildcard", () => {
    expect(privilegeViolations(site, ours, allowed(...siteRoles))).toEqual([]);
  });

  it("the server grants everything else only on OpenNext's own cache: its assets bucket, queue and tag table", () => {
    const openNext = [
      one(stack, "aws:s3/bucket:Bucket", "SiteAssetsBucket"),
      one(stack, "aws:sqs/queue:Queue", "SiteRevalidationEventsQueue"),
      one(stack, "aws:dynamodb/table:Table", "SiteRevalidationTable"),
    ].map(arnOf);
    const others = site.filter((s) => !touchesOurs(ours)(s));
    expect(others.length).toBeGreaterThan(0);
    for (const resource of others.flatMap((s) => s.resources)) {
      expect(
        openNext.some((arn) => resource === arn || resource.startsWith(`${arn}/`)),
        resource,
      ).toBe(true);
    }
  });

  it.each(FUNCTION_ROLES)("%s… grants exactly the %s list, on our data only", (prefix, role) => {
    const statements = roleStatements(one(stack, "aws:iam/role:Role", `${prefix}`));
    expect(privilegeViolations(statements, ours, allowed(role))).toEqual([]);
    expect(statements.every(touchesOurs(ours))).toBe(true);
  });

  it("would be caught if widened: a wildcard, an extra action, a broader resource or SST's default link", () => {
    const contact = roleStatements(one(stack, "aws:iam/role:Role", "ContactApiRoute"));
    const widened: [Statement[], Grant[]][] = [
      [[...site, grant(["dynamodb:*"], [tableArn])], allowed(...siteRoles)],
      [[...site, grant(["dynamodb:DeleteItem"], [tableArn])], allowed(...siteRoles)],
      [[...site, grant(["s3:GetObject"], [`${bucketArn}/*`])], allowed(...siteRoles)],
      [[...site, grant(["s3:GetObject"], ["*"])], allowed(...siteRoles)],
      [[...site, grant(["dynamodb:Query"], [`${tableArn}/index/*`])], allowed(...siteRoles)],
      [[...site, grant(["s3:ListBucketVersions"], [bucketArn])], allowed(...siteRoles)],
      [site.filter((s) => !s.actions.includes("dynamodb:BatchGetItem")), allowed(...siteRoles)],
      [site.filter((s) => !s.actions.includes("s3:ListBucket")), allowed(...siteRoles)],
      [site.filter((s) => !s.actions.includes("dynamodb:UpdateItem")), allowed(...siteRoles)],
      // SST's default Email link: ses:* on the identity and Send* on "*".
      [
        [...contact, grant(["ses:*"], ours.slice(-2)), grant(["ses:SendRawEmail"], ["*"])],
        allowed("contactApi"),
      ],
      [[...contact, grant(["dynamodb:Query"], [messagesArn])], allowed("contactApi")],
    ];
    for (const [policy, expected] of widened)
      expect(privilegeViolations(policy, ours, expected)).not.toEqual([]);
  });

  it("links grant nothing, so linking a resource never widens a role (what `sst dev` and `sst shell` see)", () => {
    for (const name of ["VisitsLinkRef", "ResumeLinkRef", "MessagesLinkRef", "SenderLinkRef"]) {
      expect(
        input<unknown[] | undefined>(one(stack, "sst:sst:LinkRef", name), "include") ?? [],
        name,
      ).toEqual([]);
    }
  });

  it("lets only Lambda assume a function's role, and only EventBridge Scheduler a schedule's", () => {
    const schedules = ofType(stack, "aws:scheduler/schedule:Schedule");
    expect(schedules.map((s) => s.name).sort()).toEqual(["ContactRetrySchedule", "DigestSchedule"]);
    const scheduleRoles = new Map(schedules.map((s) => [input<string>(s, "target.roleArn"), s]));
    const roles = ofType(stack, "aws:iam/role:Role");
    expect(roles.length).toBeGreaterThanOrEqual(9);
    let scheduleRolesSeen = 0;
    for (const role of roles) {
      const schedule = scheduleRoles.get(arnOf(role));
      const trust = statementsOf(input(role, "assumeRolePolicy")).map((s) => s.principal);
      if (!schedule) {
        expect(trust, role.name).toEqual([{ Service: "lambda.amazonaws.com" }]);
        continue;
      }
      // A schedule's role may do one thing: invoke its own function.
      scheduleRolesSeen++;
      expect(trust, role.name).toEqual([{ Service: "scheduler.amazonaws.com" }]);
      const statements = roleStatements(role);
      expect(
        statements.map((s) => [s.effect, s.actions, s.resources]),
        role.name,
      ).toEqual([["Allow", ["lambda:InvokeFunction"], [input<string>(schedule, "target.arn")]]]);
    }
    expect(scheduleRolesSeen).toBe(2);
  });
});

describe("under `sst dev`", () => {
  const stack = synthesisOf("dev");

  it("the dev server's role holds the site's grants and the contact function's and retry job's, which the local server hosts", () => {
    const { ours, allowed } = ourData(stack);
    const statements = roleStatements(one(stack, "aws:iam/role:Role", "SiteDevServer"));
    expect(privilegeViolations(statements, ours, allowed("site", "contactApi", "contactRetry"))).toEqual([]);
    expect(statements.every(touchesOurs(ours))).toBe(true);
  });
});
