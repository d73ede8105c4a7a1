// Narrowing a role's policy on a running local AWS, for the tests that show each granted
// action is needed: taken away, the role's call is refused as AWS would refuse it.
import { it, expect, vi } from "vitest";
import type { Permission, Role } from "../../infra/permissions";
import { type LocalRole, roleEnvironment } from "../../scripts/local-aws/identities";
import type { LocalAws } from "../../scripts/local-aws/stack";

/** Every action the policy grants, once each. */
export function grantedActions(permissions: Permission<string>[]): string[] {
  return [...new Set(permissions.flatMap((p) => p.actions))].sort();
}

/** The same grants without `action`. */
export function withoutAction(permissions: Permission<string>[], action: string): Permission<string>[] {
  return permissions
    .map((p) => ({ ...p, actions: p.actions.filter((a) => a !== action) }))
    .filter((p) => p.actions.length > 0);
}

/** Whether an AWS SDK error is AWS refusing access: DynamoDB's 400, S3's and SES's 403 (a bare 403 to HEAD). */
export function isAccessDenied(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "AccessDeniedException" || name === "AccessDenied" || $metadata?.httpStatusCode === 403;
}

/**
 * Signs the app's AWS calls as `role` for the rest of the test, as Lambda gives a function
 * its role's keys. SDK clients are built on import, so modules are reset: import the code
 * under test afterwards. (The integration setup unstubs the environment after each test.)
 */
export function actAs(role: LocalRole): void {
  for (const [name, value] of Object.entries(roleEnvironment(role))) vi.stubEnv(name, value);
  vi.resetModules();
}

/** For each action a role is granted, a call of its code that needs it; resolves when the call works. */
export type RoleCalls = Record<string, () => Promise<unknown>>;

/**
 * The role's calls cover exactly its grants in infra/permissions.ts; each works with the
 * policy as deployed, and fails with AWS's AccessDenied when that one action is taken away.
 */
export function itNeedsEachGrant(role: Role, stack: () => LocalAws, calls: RoleCalls): void {
  it(`cover every action infra/permissions.ts grants the ${role} role, and no other`, () => {
    expect(Object.keys(calls).sort()).toEqual(grantedActions(stack().grants[role]));
  });

  it.each(Object.keys(calls))(`work with the ${role} policy as deployed: %s`, async (action) => {
    await calls[action]!();
  });

  it.each(Object.keys(calls))(`fail with AccessDenied when the ${role} policy lacks %s`, async (action) => {
    const { grants, useGrants } = stack();
    await useGrants(role, withoutAction(grants[role], action));
    try {
      const error = await calls[action]!().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `${action} was not needed after all`).toBeDefined();
      expect(isAccessDenied(error), String(error)).toBe(true);
    } finally {
      await useGrants(role, grants[role]);
    }
  });
}
