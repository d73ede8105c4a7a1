// Decides whether an identity may perform an action on a resource, with the maintained
// IAM policy evaluator @cloud-copilot/iam-simulate (AGPL-3.0, a development dependency:
// it runs in the local stack only and never ships; see docs/architecture.md).
// Each policy is checked once, with the validating evaluator, when it is installed; each
// request then takes the evaluator's fast, unvalidated path, and its answer is kept per
// (identity, action, resource): the policies use no conditions, so nothing else matters.
import { runSimulation, runUnsafeSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { type Identity, LOCAL_ACCOUNT, type PolicyStatement } from "../identities";

export type Check = { action: string; resource: string };
export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";
export type Caller = { identity: Identity; decide: (check: Check) => Decision };

// Enough for every (action, resource) a test run touches; a wider spread just starts over.
const CACHE_LIMIT = 10_000;

function simulation(identity: Identity, statements: PolicyStatement[], check: Check): Simulation {
  return {
    request: {
      principal: identity.principal,
      action: check.action,
      resource: { resource: check.resource, accountId: LOCAL_ACCOUNT },
      contextVariables: {},
    },
    identityPolicies: [{ name: identity.name, policy: { Version: "2012-10-17", Statement: statements } }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

/**
 * Proves the policy is valid and means what it says: each granted action exists, fits its
 * resource's type and is allowed there. A typo (`s3:GetObjekt`) would otherwise just deny.
 */
async function validate(identity: Identity): Promise<void> {
  const problems: string[] = [];
  if (identity.statements.some((s) => "Condition" in s))
    problems.push("conditions are not supported: decisions are cached per action and resource");
  // Each grant on its own: a Deny elsewhere may rightly override it.
  const grants = identity.statements
    .filter((s) => s.Effect === "Allow")
    .flatMap((s) =>
      s.Action.flatMap((action) => s.Resource.map((resource) => ({ statement: s, action, resource }))),
    );
  for (const { statement, ...grant } of grants) {
    // A wildcard is checked for shape only, on an action every account has.
    const wild = /[*?]/.test(grant.action + grant.resource);
    const check = wild ? { action: "sts:GetCallerIdentity", resource: "*" } : grant;
    const result = await runSimulation(simulation(identity, [statement], check), {});
    if (result.resultType === "error")
      problems.push(`${grant.action} on ${grant.resource}: ${result.errors.message}`);
    else if (!wild && result.overallResult !== "Allowed")
      problems.push(`${grant.action} on ${grant.resource} is granted but evaluates ${result.overallResult}`);
  }
  if (problems.length > 0)
    throw new Error(`The local ${identity.name} identity's policy is invalid:\n  ${problems.join("\n  ")}`);
}

/** The identities by access key; `replace` installs a new policy for one (tests narrow the site role). */
export async function createAuthorizer(identities: Identity[]) {
  const byKey = new Map<string, Caller>();
  const install = async (identity: Identity) => {
    await validate(identity);
    const cache = new Map<string, Decision>();
    const decide = (check: Check): Decision => {
      const key = `${check.action}\0${check.resource}`;
      let decision = cache.get(key);
      if (decision === undefined) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        decision = runUnsafeSimulation(simulation(identity, identity.statements, check), {});
        cache.set(key, decision);
      }
      return decision;
    };
    byKey.set(identity.credentials.accessKeyId, { identity, decide });
  };
  for (const identity of identities) await install(identity);
  return {
    /** Who signed with this access key, if anyone known. */
    caller: (accessKeyId: string | undefined): Caller | undefined =>
      accessKeyId === undefined ? undefined : byKey.get(accessKeyId),
    replace: async (name: string, statements: PolicyStatement[]) => {
      const current = [...byKey.values()].find((c) => c.identity.name === name);
      if (!current) throw new Error(`No local identity named ${name}`);
      await install({ ...current.identity, statements });
    },
  };
}

export type Authorizer = Awaited<ReturnType<typeof createAuthorizer>>;
