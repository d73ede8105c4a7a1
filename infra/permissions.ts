// The one list of what the server function may do to our data. infra/links.ts builds the
// role's statements from it, and test/infra/ checks that the role grants exactly this.
// Adding a DynamoDB or S3 call to the app means adding its action here.
import { RESUME_KEY } from "../lib/resume/key";

/** Actions the app calls on the Visits table (lib/visits.ts and friends), on the table itself only. */
export const VISITS_TABLE_ACTIONS = ["dynamodb:UpdateItem", "dynamodb:BatchGetItem"] as const;

/** Reading the resume, streamed or through a presigned GET URL (which signs with this role). */
export const RESUME_OBJECT_ACTIONS = ["s3:GetObject"] as const;

/** The only objects in the Resume bucket the server may read. */
export const RESUME_OBJECT_KEYS = [RESUME_KEY] as const;
