// The one list of what each function may do to our data, role by role. infra/links.ts
// builds each role's statements from it (links themselves grant nothing), test/infra/
// checks that every role grants exactly this, and that each role's code calls exactly
// these actions. Adding an AWS SDK call to a function means adding its action here.
import { RESUME_KEY } from "../lib/resume/key";

/** Actions the site calls on the Visits table (lib/visits/), on the table itself only. */
export const VISITS_TABLE_ACTIONS = ["dynamodb:UpdateItem", "dynamodb:BatchGetItem"] as const;

/** Reading the resume, streamed or through a presigned GET URL (which signs with this role). */
export const RESUME_OBJECT_ACTIONS = ["s3:GetObject"] as const;

/** The only objects in the Resume bucket the server may read. */
export const RESUME_OBJECT_KEYS = [RESUME_KEY] as const;

/** SES v2 SendEmail, Simple content, is authorised as ses:SendEmail on the identity and configuration set. */
const SEND_MAIL = ["ses:SendEmail"] as const;

/**
 * What a grant applies to: the Visits table, the resume object(s), the Messages table,
 * its index of undelivered messages, or the sender (its SES identity and configuration set).
 */
export type Target = "visits" | "resumeObjects" | "messages" | "pendingIndex" | "sender";
export type Grant = { on: Target; actions: readonly string[] };

export const ROLE_GRANTS = {
  /** The Next.js server (pages, /api/visits, the resume download). */
  site: [
    { on: "visits", actions: VISITS_TABLE_ACTIONS },
    { on: "resumeObjects", actions: RESUME_OBJECT_ACTIONS },
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
