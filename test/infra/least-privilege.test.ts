import { describe, expect, it } from "vitest";
import {
  RESUME_BUCKET_ACTIONS,
  RESUME_OBJECT_ACTIONS,
  RESUME_OBJECT_KEYS,
  VISITS_TABLE_ACTIONS,
} from "../../infra/permissions";
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

/** Our table and bucket in a stack, and the grants infra/permissions.ts allows on them (s3:ListBucket on the bucket itself, for 404s). */
function ourData(stack: Synthesis) {
  const tableArn = arnOf(one(stack, "aws:dynamodb/table:Table", "VisitsTable"));
  const bucketArn = arnOf(one(stack, "aws:s3/bucket:Bucket", "ResumeBucket"));
  const allowed: Grant[] = [
    ...VISITS_TABLE_ACTIONS.map((action) => ({ action, resource: tableArn })),
    ...RESUME_OBJECT_ACTIONS.flatMap((action) =>
      RESUME_OBJECT_KEYS.map((key) => ({ action, resource: `${bucketArn}/${key}` })),
    ),
    ...RESUME_BUCKET_ACTIONS.map((action) => ({ action, resource: bucketArn })),
  ];
  return { tableArn, bucketArn, ours: [tableArn, bucketArn], allowed };
}

describe.each(["production", "preview"] as const)("the server function's role (%s)", (scenario) => {
  const stack = synthesisOf(scenario);
  const role = one(stack, "aws:iam/role:Role", "SiteServer");
  const { tableArn, bucketArn, ours, allowed } = ourData(stack);

  it("grants exactly the actions in infra/permissions.ts on the Visits table and the resume object, and no wildcard", () => {
    expect(privilegeViolations(roleStatements(role), ours, allowed)).toEqual([]);
  });

  it("grants everything else only on OpenNext's own cache: its assets bucket, queue and tag table", () => {
    const openNext = [
      one(stack, "aws:s3/bucket:Bucket", "SiteAssetsBucket"),
      one(stack, "aws:sqs/queue:Queue", "SiteRevalidationEventsQueue"),
      one(stack, "aws:dynamodb/table:Table", "SiteRevalidationTable"),
    ].map(arnOf);
    const others = roleStatements(role).filter(
      (s) => !s.resources.some((r) => ours.some((arn) => reaches(r, arn))),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const resource of others.flatMap((s) => s.resources)) {
      expect(
        openNext.some((arn) => resource === arn || resource.startsWith(`${arn}/`)),
        resource,
      ).toBe(true);
    }
  });

  it("would be caught if widened: a wildcard, an extra action, a broader resource or SST's default link", () => {
    const statements = roleStatements(role);
    const widened: Statement[][] = [
      [...statements, grant(["dynamodb:*"], [tableArn])],
      [...statements, grant(["dynamodb:DeleteItem"], [tableArn])],
      [...statements, grant(["s3:GetObject"], [`${bucketArn}/*`])],
      [...statements, grant(["s3:GetObject"], ["*"])],
      [...statements, grant(["dynamodb:Query"], [`${tableArn}/index/*`])],
      [...statements, grant(["s3:ListBucketVersions"], [bucketArn])],
      statements.filter((s) => !s.actions.includes("s3:ListBucket")),
      statements.filter((s) => !s.actions.includes("dynamodb:UpdateItem")),
    ];
    for (const policy of widened) expect(privilegeViolations(policy, ours, allowed)).not.toEqual([]);
  });

  it("links the table and bucket with the same narrow grants (what `sst dev` and `sst shell` get)", () => {
    const includes = ["VisitsLinkRef", "ResumeLinkRef"].flatMap((name) =>
      input<{ actions: string[]; resources: string[] }[]>(one(stack, "sst:sst:LinkRef", name), "include"),
    );
    const linked = includes.map((i) => ({ effect: "Allow", actions: i.actions, resources: i.resources }));
    expect(privilegeViolations(linked.map(asStatement), ours, allowed)).toEqual([]);
  });

  it("lets only Lambda assume any function role (SST would also trust the whole account)", () => {
    const roles = ofType(stack, "aws:iam/role:Role");
    expect(roles.length).toBeGreaterThanOrEqual(4);
    for (const r of roles) {
      const trust = statementsOf(input(r, "assumeRolePolicy"));
      expect(
        trust.map((s) => s.principal),
        r.name,
      ).toEqual([{ Service: "lambda.amazonaws.com" }]);
    }
  });
});

function grant(actions: string[], resources: string[]): Statement {
  return asStatement({ effect: "Allow", actions, resources });
}

function asStatement(s: { effect: string; actions: string[]; resources: string[] }): Statement {
  return { ...s, principal: undefined, condition: undefined, negated: false };
}

describe("under `sst dev`", () => {
  const stack = synthesisOf("dev");

  it("Next.js on the developer's machine gets the same narrow grants, through the dev server's role", () => {
    const { ours, allowed } = ourData(stack);
    const statements = roleStatements(one(stack, "aws:iam/role:Role", "SiteDevServer"));
    expect(privilegeViolations(statements, ours, allowed)).toEqual([]);
    expect(statements.flatMap((s) => s.resources).every((r) => ours.some((arn) => reaches(r, arn)))).toBe(
      true,
    );
  });
});
