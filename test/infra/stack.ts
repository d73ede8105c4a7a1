// Looking things up in a synthesized stack, for the infrastructure tests.
import { inject } from "vitest";
import { mockResourceState } from "./program/mock-state";
import type { ScenarioName } from "./scenarios";
import type { MockResource, Synthesis } from "./synthesize";

/** The stack sst.config.ts produced for a scenario (see synthesize-setup.ts). */
export function synthesisOf(name: ScenarioName): Synthesis {
  const result = inject("infraSyntheses")[name];
  if ("error" in result) throw new Error(result.error);
  return result.synthesis;
}

export function ofType(stack: Synthesis, type: string): MockResource[] {
  return stack.resources.filter((r) => r.type === type);
}

/** The one resource of `type` whose logical name starts with `prefix`; anything else is a failure. */
export function one(stack: Synthesis, type: string, prefix: string): MockResource {
  const found = ofType(stack, type).filter((r) => r.name.startsWith(prefix));
  if (found.length !== 1) {
    throw new Error(
      `Expected one ${type} named ${prefix}…, found ${found.map((r) => r.name).join(", ") || "none"}`,
    );
  }
  return found[0] as MockResource;
}

/** The ARN AWS would give the resource (the mocks derive it from the resource's name). */
export function arnOf(resource: MockResource): string {
  const arn = mockResourceState(resource.type, resource.name, resource.inputs).state.arn;
  if (typeof arn !== "string") throw new Error(`No ARN for ${resource.name}`);
  return arn;
}

export function input<T = unknown>(resource: MockResource, path: string): T {
  let value: unknown = resource.inputs;
  for (const key of path.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
  return value as T;
}

export type Statement = {
  effect: string;
  actions: string[];
  resources: string[];
  principal: unknown;
  condition: unknown;
  /** NotAction / NotResource grant everything but a list: never wanted here. */
  negated: boolean;
};

/** An IAM policy document's statements, with one-or-many fields always as lists. */
export function statementsOf(policy: unknown): Statement[] {
  const document = (typeof policy === "string" ? JSON.parse(policy) : policy) as { Statement: unknown[] };
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  return document.Statement.map((raw) => {
    const s = raw as Record<string, unknown>;
    return {
      effect: String(s.Effect),
      actions: list(s.Action),
      resources: list(s.Resource),
      principal: s.Principal,
      condition: s.Condition,
      negated: "NotAction" in s || "NotResource" in s || "NotPrincipal" in s,
    };
  });
}

/** The statements of a role's inline policies. */
export function roleStatements(role: MockResource): Statement[] {
  const policies = input<{ policy: string }[]>(role, "inlinePolicies") ?? [];
  return policies.flatMap((p) => statementsOf(p.policy));
}
