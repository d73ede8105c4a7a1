// The least-privilege rule for the server role, as a function the tests can also feed a
// deliberately widened policy, to show the rule would catch it.
import type { Statement } from "./stack";

export type Grant = { action: string; resource: string };

/**
 * What is wrong with `statements`: any wildcard action, any "*" resource, any NotAction or
 * NotResource, and any (action, resource) pair reaching `ourArns` (or anything below them)
 * other than exactly the `allowed` ones. An empty list means the role is as narrow as planned.
 */
export function privilegeViolations(statements: Statement[], ourArns: string[], allowed: Grant[]): string[] {
  const problems: string[] = [];
  const granted = new Set<string>();
  for (const s of statements.filter((st) => st.effect === "Allow")) {
    if (s.negated) problems.push(`a NotAction/NotResource statement for ${s.actions.join(", ")}`);
    problems.push(...s.actions.filter((a) => /[*?]/.test(a)).map((a) => `the wildcard action ${a}`));
    for (const resource of s.resources) {
      if (resource === "*") problems.push(`the resource "*" for ${s.actions.join(", ")}`);
      if (ourArns.some((arn) => reaches(resource, arn)))
        s.actions.forEach((a) => granted.add(`${a} on ${resource}`));
    }
  }
  const expected = new Set(allowed.map((g) => `${g.action} on ${g.resource}`));
  problems.push(...[...granted].filter((g) => !expected.has(g)).map((g) => `grants ${g}`));
  problems.push(...[...expected].filter((g) => !granted.has(g)).map((g) => `lacks ${g}`));
  return problems;
}

/** Whether an IAM resource pattern covers `arn` itself or anything inside it (objects, indexes). */
export function reaches(pattern: string, arn: string): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  const regex = new RegExp(`^${escaped}$`);
  return regex.test(arn) || regex.test(`${arn}/anything`) || pattern.startsWith(`${arn}/`);
}
