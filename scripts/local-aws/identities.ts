// Who each local caller is. On AWS every function runs as its own IAM role, whose grants
// infra/permissions.ts lists (ROLE_GRANTS); locally each function gets its own access key,
// so the emulators (and a policy check in front of them) can tell the callers apart by
// the key in their requests' signatures. The Next.js server keeps the stack's default
// key (CREDENTIALS in environment.ts), which s3rver requires.
import type { FunctionRole } from "../../infra/permissions";

export const FUNCTION_IDENTITIES: Record<FunctionRole, { accessKeyId: string; secretAccessKey: string }> = {
  contactApi: { accessKeyId: "LOCALCONTACTAPI", secretAccessKey: "local-contact-api" },
  contactRetry: { accessKeyId: "LOCALCONTACTRETRY", secretAccessKey: "local-contact-retry" },
  digest: { accessKeyId: "LOCALDIGEST", secretAccessKey: "local-digest" },
};

/** The credential variables for a function's role, as Lambda sets them for its role. */
export function identityEnvironment(role: FunctionRole): Record<string, string> {
  const { accessKeyId, secretAccessKey } = FUNCTION_IDENTITIES[role];
  return { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey };
}
