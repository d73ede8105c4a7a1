// AWS clients that act as the local AWS's owner identity, which may do anything: for test
// set-up and inspection that the site role may not do (writing the resume, scanning the
// table). The app under test keeps signing as the site role.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

function ownerCredentials() {
  const accessKeyId = process.env.LOCAL_AWS_OWNER_ACCESS_KEY_ID;
  const secretAccessKey = process.env.LOCAL_AWS_OWNER_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new Error("The local AWS owner's keys are not in the environment.");
  return { accessKeyId, secretAccessKey };
}

/** S3 as the owner, at the endpoint in the environment now. */
export function ownerS3(): S3Client {
  return new S3Client({ credentials: ownerCredentials(), forcePathStyle: true });
}

/** DynamoDB (document client) as the owner, at the endpoint in the environment now. */
export function ownerDynamo(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ credentials: ownerCredentials() }));
}
