// AWS clients that act as the local AWS's owner identity, which may do anything: for test
// set-up and inspection that the site role may not do (writing the resume, scanning the
// table). The app under test keeps signing as the site role.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { RESUME_KEY } from "../../lib/resume/key";
import type { LocalAws } from "../../scripts/local-aws/stack";

function ownerCredentials() {
  const accessKeyId = process.env.LOCAL_AWS_OWNER_ACCESS_KEY_ID;
  const secretAccessKey = process.env.LOCAL_AWS_OWNER_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new Error("The local AWS owner's keys are not in the environment.");
  return { accessKeyId, secretAccessKey };
}

/** S3 as the owner: of `stack`, or of the local AWS the environment points at now. */
export function ownerS3(stack?: LocalAws): S3Client {
  return new S3Client({
    endpoint: stack?.env.AWS_ENDPOINT_URL_S3,
    credentials: stack?.credentials.owner ?? ownerCredentials(),
    forcePathStyle: true,
  });
}

/** DynamoDB (document client) as the owner, at the endpoint in the environment now. */
export function ownerDynamo(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ credentials: ownerCredentials() }));
}

/** Runs `run` with no resume in `bucket`, then puts the same bytes back. */
export async function withoutResume<T>(owner: S3Client, bucket: string, run: () => Promise<T>): Promise<T> {
  const object = await owner.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
  const stored = await object.Body!.transformToByteArray();
  await owner.send(new DeleteObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
  try {
    return await run();
  } finally {
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: RESUME_KEY, Body: stored }));
  }
}
