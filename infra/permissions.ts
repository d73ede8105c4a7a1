// The one list of what each function may do to our data, role by role. infra/links.ts
// builds each role's statements from it with the deployed ARNs (links themselves grant
// nothing), the local AWS's authorisation gate (scripts/local-aws/) with the local ones,
// and test/infra/ checks that every role grants exactly this, and that each role's code
// calls exactly these actions. Adding an AWS SDK call to a function means adding its action here.
import { PENDING_INDEX } from "../lib/contact/pending-index";
import { RESUME_KEY } from "../lib/resume/key";

/** Actions the site calls on the Visits table (lib/visits/), on the table itself only. */
export const VISITS_TABLE_ACTIONS = ["dynamodb:UpdateItem", "dynamodb:BatchGetItem"] as const;

/**
 * Actions the site calls on the DailyVisitors table (lib/visits/salt.ts, writes.ts): the
 * day's salt (read with BatchGetItem beside the Visits items, created with a conditional
 * UpdateItem), the visitor records and the address caps (UpdateItem).
 */
export const DAILY_VISITORS_ACTIONS = ["dynamodb:UpdateItem", "dynamodb:BatchGetItem"] as const;

/** Reading the resume, streamed or through a presigned GET URL (which signs with this role). */
export const RESUME_OBJECT_ACTIONS = ["s3:GetObject"] as const;

/** The only objects in the Resume bucket the server may read. */
export const RESUME_OBJECT_KEYS = [RESUME_KEY] as const;

/**
 * On the bucket itself, not its objects. S3 answers a GET or HEAD for a missing key with
 * 403 AccessDenied, not 404, unless the caller may list the bucket (HeadObject and
 * GetObject API reference): without this, "no resume uploaded yet" would be a 500 on the
 * download and a 503 on /api/health. Listing shows key names only; the bucket holds just
 * the resume, and reading any object other than RESUME_OBJECT_KEYS stays refused.
 */
export const RESUME_BUCKET_ACTIONS = ["s3:ListBucket"] as const;

/** SES v2 SendEmail, Simple content, is authorised as ses:SendEmail on the identity and configuration set. */
const SEND_MAIL = ["ses:SendEmail"] as const;

/**
 * What a grant applies to: the Visits table, the DailyVisitors table, the resume object(s), the Resume bucket
 * itself, the Messages table, its index of undelivered messages, or the sender (its SES
 * identity and configuration set).
 */
export type Target =
  "visits" | "dailyVisitors" | "resumeObjects" | "resumeBucket" | "messages" | "pendingIndex" | "sender";
export type Grant = { on: Target; actions: readonly string[] };

export const ROLE_GRANTS = {
  /** The Next.js server (pages, /api/visits, /api/health, the resume download). */
  site: [
    { on: "visits", actions: VISITS_TABLE_ACTIONS },
    { on: "dailyVisitors", actions: DAILY_VISITORS_ACTIONS },
    { on: "resumeObjects", actions: RESUME_OBJECT_ACTIONS },
    { on: "resumeBucket", actions: RESUME_BUCKET_ACTIONS },
  ],
  /**
   * Added to the site's role only with PORTFOLIO_DOWNLOAD_ALERT=on: the alert mail, and
   * the hourly counter that caps those mails (lib/alerts/download-alert.ts).
   */
  downloadAlert: [
    { on: "messages", actions: ["dynamodb:UpdateItem"] },
    { on: "sender", actions: SEND_MAIL },
  ],
  /** POST /api/contact: the per-client counter and the message (UpdateItem), storing (PutItem), sending. */
  contactApi: [
    { on: "messages", actions: ["dynamodb:PutItem", "dynamodb:UpdateItem"] },
    { on: "sender", actions: SEND_MAIL },
  ],
  /** The retry job: reads undelivered messages from the index, claims and marks them, sends. */
  contactRetry: [
    { on: "pendingIndex", actions: ["dynamodb:Query"] },
    { on: "messages", actions: ["dynamodb:UpdateItem"] },
    { on: "sender", actions: SEND_MAIL },
  ],
  /** The daily digest: counts a day's messages, reads the visit counters, sends. */
  digest: [
    { on: "messages", actions: ["dynamodb:Query"] },
    { on: "visits", actions: ["dynamodb:BatchGetItem"] },
    { on: "sender", actions: SEND_MAIL },
  ],
} as const satisfies Record<string, readonly Grant[]>;

export type Role = keyof typeof ROLE_GRANTS;
/** The roles of the functions outside the site (each a Lambda function of its own on AWS). */
export type FunctionRole = "contactApi" | "contactRetry" | "digest";

/** The roles the site's server holds: its own, and the download alert's when that is on. */
export const siteRoles = (downloadAlert: boolean): Role[] => [
  "site",
  ...(downloadAlert ? (["downloadAlert"] as const) : []),
];

/** One IAM statement's worth of grant, with ARNs of any form (strings, or Pulumi outputs). */
export type Permission<Arn> = { actions: string[]; resources: Arn[] };

/** The ARNs of our resources, and how to name something inside one (an object key, an index). */
export type ResourceArns<Arn> = {
  visitsTable: Arn;
  dailyVisitorsTable: Arn;
  resumeBucket: Arn;
  messagesTable: Arn;
  /** The sender's SES identity and its configuration set: IAM checks SendEmail on both. */
  senderIdentity: Arn;
  senderConfigSet: Arn;
  within: (arn: Arn, path: string) => Arn;
};

/** The statements of a function that holds these roles' grants, on these ARNs. */
export function rolePermissions<Arn>(roles: readonly Role[], arns: ResourceArns<Arn>): Permission<Arn>[] {
  return roles.flatMap((role) =>
    (ROLE_GRANTS[role] as readonly Grant[]).map((grant) => ({
      actions: [...grant.actions],
      resources: resourcesOf(grant.on, arns),
    })),
  );
}

function resourcesOf<Arn>(on: Target, arns: ResourceArns<Arn>): Arn[] {
  switch (on) {
    case "visits":
      return [arns.visitsTable];
    case "dailyVisitors":
      return [arns.dailyVisitorsTable];
    case "resumeObjects":
      return RESUME_OBJECT_KEYS.map((key) => arns.within(arns.resumeBucket, key));
    case "resumeBucket":
      return [arns.resumeBucket];
    case "messages":
      return [arns.messagesTable];
    case "pendingIndex":
      return [arns.within(arns.messagesTable, `index/${PENDING_INDEX}`)];
    case "sender":
      // The identity has a default configuration set, and IAM checks both (SES SendEmail).
      return [arns.senderIdentity, arns.senderConfigSet];
  }
}
