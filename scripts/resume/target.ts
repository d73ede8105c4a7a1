import { S3Client } from "@aws-sdk/client-s3";
import { openOwnerSession } from "../local-aws/owner-session";
import { linkedName, readSstLinks } from "../local-aws/sst-links";

export type Target = { s3: S3Client; bucket: string; where: string; close: () => Promise<void> };

/**
 * Where the resume bucket is: the linked one when SST links are present (run under
 * `npx sst shell`, with your own credentials), else the local stack — the running one,
 * or one started just for this command — as its owner identity.
 */
export async function openTarget(env: Record<string, string | undefined> = process.env): Promise<Target> {
  const session = await openOwnerSession("Resume", env);
  const bucket = linkedName(readSstLinks(session.env), "Resume");
  if (!bucket) {
    await session.close();
    throw new Error(`${session.where} names no Resume bucket.`);
  }
  const endpoint = session.env.AWS_ENDPOINT_URL_S3;
  const s3 = new S3Client({
    region: session.env.AWS_REGION,
    endpoint,
    forcePathStyle: endpoint !== undefined,
    credentials: session.credentials,
  });
  return {
    s3,
    bucket,
    where: session.where,
    close: async () => {
      s3.destroy();
      await session.close();
    },
  };
}
