// For the gate's tests: a local AWS of the test file's own, and SDK clients that sign as
// the site role, as the owner, or as anyone else (a function's role, an unknown key).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import type { Credentials } from "../../scripts/local-aws/identities";
import { startOwnLocalAws } from "./own-local-aws";

/** How AWS's refusals to the local site role begin. */
export const SITE_ROLE_REFUSED =
  /^User: arn:aws:sts::000000000000:assumed-role\/serverless-portfolio-local-SiteServerRole\/\S+ is not authorized/;

export async function startGateFixture(name: string) {
  const own = await startOwnLocalAws(name);
  const { stack } = own;
  const made: { destroy: () => void }[] = [];
  const as = (credentials: Credentials) => {
    const dynamo = new DynamoDBClient({ endpoint: stack.env.AWS_ENDPOINT_URL_DYNAMODB, credentials });
    const s3 = new S3Client({ endpoint: stack.env.AWS_ENDPOINT_URL_S3, credentials, forcePathStyle: true });
    const ses = new SESv2Client({ endpoint: stack.env.AWS_ENDPOINT_URL_SESV2, credentials });
    made.push(dynamo, s3, ses);
    return { dynamo, s3, ses };
  };
  return {
    stack,
    table: JSON.parse(stack.env.SST_RESOURCE_Visits!).name as string,
    bucket: JSON.parse(stack.env.SST_RESOURCE_Resume!).name as string,
    sender: JSON.parse(stack.env.SST_RESOURCE_Sender!) as { sender: string; configSet: string },
    as,
    site: as(stack.credentials.site),
    owner: as(stack.credentials.owner),
    stop: async () => {
      for (const client of made) client.destroy();
      await own.stop();
    },
  };
}
