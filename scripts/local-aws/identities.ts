// Who may call the local AWS, told apart by the access key each request is signed with,
// and what each may do. The site role's policy is built by infra/permissions.ts, the
// same function that gives the deployed server role its grants, here with local ARNs.
// Another identity (a second function's role, say) is one more entry in localIdentities().
import { type Permission, siteRolePermissions } from "../../infra/permissions";

/** The account the local ARNs name (AWS's documentation uses the same placeholder). */
export const LOCAL_ACCOUNT = "000000000000";

export type Credentials = { accessKeyId: string; secretAccessKey: string };

/** An IAM policy statement, as AWS and the policy evaluator read it. */
export type PolicyStatement = { Effect: "Allow" | "Deny"; Action: string[]; Resource: string[] };

export type Identity = {
  /** How tools and messages name it: `site` or `owner`. */
  name: string;
  /** The ARN AWS would name in a refusal. */
  principal: string;
  credentials: Credentials;
  statements: PolicyStatement[];
};

// Fixed, like the emulators themselves: they guard nothing but which identity a tool
// acts as, and other tools (and engineers) can name them. Real keys have this shape.
export const SITE_ROLE_CREDENTIALS: Credentials = {
  accessKeyId: "ASIALOCALSITEROLE001",
  secretAccessKey: "local-site-role-secret-not-for-aws",
};
export const OWNER_CREDENTIALS: Credentials = {
  accessKeyId: "AKIALOCALOWNER000001",
  secretAccessKey: "local-owner-secret-not-for-aws",
};

export type ResourceNames = { app: string; stage: string; table: string; bucket: string };

/** The ARNs AWS would give the local table and bucket, for the gate to evaluate against. */
export function localArns(names: ResourceNames, region: string) {
  return {
    visitsTable: `arn:aws:dynamodb:${region}:${LOCAL_ACCOUNT}:table/${names.table}`,
    resumeBucket: `arn:aws:s3:::${names.bucket}`,
  };
}

/** The site role's grants on the local resources: exactly what the deployed role gets. */
export function sitePermissions(names: ResourceNames, region: string): Permission<string>[] {
  const arns = localArns(names, region);
  const byLink = siteRolePermissions({ ...arns, within: (arn, path) => `${arn}/${path}` });
  return Object.values(byLink).flat();
}

export function asStatements(permissions: Permission<string>[]): PolicyStatement[] {
  return permissions.map((p) => ({ Effect: "Allow", Action: [...p.actions], Resource: [...p.resources] }));
}

/**
 * The site role (what the app runs as: `npm start`, `npm run dev`, the app's tests) and
 * the owner (the resume tool, provisioning, test set-up), who may do anything, like your
 * own credentials under `sst shell`.
 */
export function localIdentities(names: ResourceNames, region: string, site = sitePermissions(names, region)) {
  const prefix = `${names.app}-${names.stage}`;
  return [
    {
      name: "site",
      principal: `arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/${prefix}-SiteServerRole/${prefix}-SiteServer`,
      credentials: SITE_ROLE_CREDENTIALS,
      statements: asStatements(site),
    },
    {
      name: "owner",
      principal: `arn:aws:iam::${LOCAL_ACCOUNT}:user/owner`,
      credentials: OWNER_CREDENTIALS,
      statements: [{ Effect: "Allow", Action: ["*"], Resource: ["*"] }],
    },
  ] satisfies Identity[];
}
