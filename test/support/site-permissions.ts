// Narrowing the site role's policy on a running local AWS, for the tests that show each
// granted action is needed: taken away, the app's call is refused as AWS would refuse it.
import type { Permission } from "../../infra/permissions";

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

/** Whether an AWS SDK error is AWS refusing access: DynamoDB's 400, S3's 403 (a bare 403 to HEAD). */
export function isAccessDenied(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "AccessDeniedException" || name === "AccessDenied" || $metadata?.httpStatusCode === 403;
}
