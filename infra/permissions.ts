// The one list of what the server function may do to our data. infra/links.ts builds the
// role's statements from it with the deployed ARNs, the local AWS's authorisation gate
// (scripts/local-aws/gate/) with the local ones, and test/infra/ checks that the role
// grants exactly this. Adding a DynamoDB or S3 call to the app means adding its action here.
import { RESUME_KEY } from "../lib/resume/key";

/** Actions the app calls on the Visits table (lib/visits/), on the table itself only. */
export const VISITS_TABLE_ACTIONS = ["dynamodb:UpdateItem", "dynamodb:BatchGetItem"] as const;

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

/** One IAM statement's worth of grant, with ARNs of any form (strings, or Pulumi outputs). */
export type Permission<Arn> = { actions: string[]; resources: Arn[] };

/** The ARNs of the linked resources, and how to name something inside one (an object key). */
export type DataArns<Arn> = { visitsTable: Arn; resumeBucket: Arn; within: (arn: Arn, path: string) => Arn };

/** What the server role may do, per linked resource: the link named `Visits` or `Resume` carries these. */
export function siteRolePermissions<Arn>({ visitsTable, resumeBucket, within }: DataArns<Arn>) {
  return {
    Visits: [{ actions: [...VISITS_TABLE_ACTIONS], resources: [visitsTable] }],
    Resume: [
      {
        actions: [...RESUME_OBJECT_ACTIONS],
        resources: RESUME_OBJECT_KEYS.map((key) => within(resumeBucket, key)),
      },
      { actions: [...RESUME_BUCKET_ACTIONS], resources: [resumeBucket] },
    ],
  } satisfies Record<string, Permission<Arn>[]>;
}
