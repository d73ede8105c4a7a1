// Who may call the local AWS, told apart by the access key each request is signed with,
// and what each may do. On AWS every function runs as its own IAM role, whose grants
// infra/permissions.ts lists (ROLE_GRANTS); here each gets its own access key and the
// same statements, built by the same function (rolePermissions) with local ARNs. The
// owner may do anything, like your own credentials under `sst shell`.
import {
  type FunctionRole,
  type Permission,
  type Role,
  rolePermissions,
  siteRoles,
} from "../../infra/permissions";

/** The account the local ARNs name (AWS's documentation uses the same placeholder). */
export const LOCAL_ACCOUNT = "000000000000";

export type Credentials = { accessKeyId: string; secretAccessKey: string };

/** An IAM policy statement, as AWS and the policy evaluator read it. */
export type PolicyStatement = { Effect: "Allow" | "Deny"; Action: string[]; Resource: string[] };

/** A local caller that runs as a role: the Next.js server, or one of the functions beside it. */
export type LocalRole = "site" | FunctionRole;

export type Identity = {
  /** How tools and messages name it: a LocalRole, or `owner`. */
  name: LocalRole | "owner";
  /** The ARN AWS would name in a refusal. */
  principal: string;
  credentials: Credentials;
  statements: PolicyStatement[];
};

// Fixed, like the emulators themselves: they guard nothing but which identity a tool
// acts as, and other tools (and engineers) can name them. Real keys have this shape.
export const ROLE_CREDENTIALS: Record<LocalRole, Credentials> = {
  site: { accessKeyId: "ASIALOCALSITEROLE001", secretAccessKey: "local-site-role-secret-not-for-aws" },
  contactApi: {
    accessKeyId: "ASIALOCALCONTACTAPI1",
    secretAccessKey: "local-contact-api-secret-not-for-aws",
  },
  contactRetry: {
    accessKeyId: "ASIALOCALCONTACTRTRY",
    secretAccessKey: "local-contact-retry-secret-not-for-aws",
  },
  digest: { accessKeyId: "ASIALOCALDIGEST00001", secretAccessKey: "local-digest-secret-not-for-aws" },
};
export const SITE_ROLE_CREDENTIALS = ROLE_CREDENTIALS.site;
export const OWNER_CREDENTIALS: Credentials = {
  accessKeyId: "AKIALOCALOWNER000001",
  secretAccessKey: "local-owner-secret-not-for-aws",
};

/** The credential variables for a role, as Lambda sets them for a function's role. */
export function roleEnvironment(role: LocalRole): Record<string, string> {
  const { accessKeyId, secretAccessKey } = ROLE_CREDENTIALS[role];
  return { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey };
}

export type ResourceNames = {
  app: string;
  stage: string;
  table: string;
  /** The DailyVisitors table: salts, daily visitor records, address caps. */
  daily: string;
  bucket: string;
  messages: string;
  /** The sender's address (its SES identity) and configuration set. */
  sender: string;
  configSet: string;
};

/** The ARNs AWS would give the local resources, for the gate to evaluate against. */
export function localArns(names: ResourceNames, region: string) {
  const dynamo = `arn:aws:dynamodb:${region}:${LOCAL_ACCOUNT}:table`;
  const ses = `arn:aws:ses:${region}:${LOCAL_ACCOUNT}`;
  return {
    visitsTable: `${dynamo}/${names.table}`,
    dailyVisitorsTable: `${dynamo}/${names.daily}`,
    resumeBucket: `arn:aws:s3:::${names.bucket}`,
    messagesTable: `${dynamo}/${names.messages}`,
    senderIdentity: `${ses}:identity/${names.sender}`,
    senderConfigSet: `${ses}:configuration-set/${names.configSet}`,
    within: (arn: string, path: string) => `${arn}/${path}`,
  };
}

/** What each role may do on the local resources: exactly what its deployed role gets. */
export function localGrants(names: ResourceNames, region: string): Record<Role, Permission<string>[]> {
  const arns = localArns(names, region);
  const of = (role: Role) => rolePermissions([role], arns);
  return {
    site: of("site"),
    downloadAlert: of("downloadAlert"),
    contactApi: of("contactApi"),
    contactRetry: of("contactRetry"),
    digest: of("digest"),
  };
}

/** Which roles' grants each local caller holds: the site's server also the alert's when that is on (infra/site.ts). */
export function heldRoles(downloadAlert: boolean): Record<LocalRole, Role[]> {
  return {
    site: siteRoles(downloadAlert),
    contactApi: ["contactApi"],
    contactRetry: ["contactRetry"],
    digest: ["digest"],
  };
}

export function asStatements(permissions: Permission<string>[]): PolicyStatement[] {
  return permissions.map((p) => ({ Effect: "Allow", Action: [...p.actions], Resource: [...p.resources] }));
}

// The function behind each role, named as SST names the component (its role is `<name>Role`).
const COMPONENTS: Record<LocalRole, string> = {
  site: "SiteServer",
  contactApi: "ContactApiRoute",
  contactRetry: "ContactRetryHandler",
  digest: "DigestHandler",
};

/**
 * Every local identity: each role (the app's server for `npm start`, `npm run dev` and the
 * app's tests; the contact API, the retry job and the digest as the local server and
 * `npm run digest` run them) with the statements of the roles it holds, and the owner
 * (the resume tool, provisioning, test set-up), who may do anything.
 */
export function localIdentities(
  names: ResourceNames,
  holds: Record<LocalRole, Role[]>,
  grants: Record<Role, Permission<string>[]>,
): Identity[] {
  const prefix = `${names.app}-${names.stage}`;
  const roles = Object.keys(ROLE_CREDENTIALS) as LocalRole[];
  return [
    ...roles.map((role) => ({
      name: role,
      principal: `arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/${prefix}-${COMPONENTS[role]}Role/${prefix}-${COMPONENTS[role]}`,
      credentials: ROLE_CREDENTIALS[role],
      statements: asStatements(holds[role].flatMap((held) => grants[held])),
    })),
    {
      name: "owner",
      principal: `arn:aws:iam::${LOCAL_ACCOUNT}:user/owner`,
      credentials: OWNER_CREDENTIALS,
      statements: [{ Effect: "Allow", Action: ["*"], Resource: ["*"] }],
    },
  ];
}
