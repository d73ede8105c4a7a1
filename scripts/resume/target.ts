import { S3Client } from "@aws-sdk/client-s3";
import { defaultDataDir, runningLocalAws } from "../local-aws/environment";
import type { Credentials } from "../local-aws/identities";
import { startLocalAws } from "../local-aws/stack";
import { linkedName, readSstLinks } from "../local-aws/sst-links";

export type Target = { s3: S3Client; bucket: string; where: string; close: () => Promise<void> };

/**
 * Where the resume bucket is: the linked one when SST links are present (run under
 * `npx sst shell`, with your own credentials), else the local stack — the running one,
 * or one started just for this command — as its owner identity.
 */
export async function openTarget(env: Record<string, string | undefined> = process.env): Promise<Target> {
  const links = readSstLinks(env);
  if ("Resume" in links) {
    const bucket = linkedName(links, "Resume");
    if (!bucket) throw new Error("The linked Resume has no bucket name.");
    // The SDK's default credential chain: what `sst shell` gives the command.
    return connect(env, bucket, undefined, "the linked bucket", async () => {});
  }
  const dataDir = defaultDataDir(env);
  const running = runningLocalAws(dataDir);
  if (running) {
    const owner = {
      accessKeyId: running.LOCAL_AWS_OWNER_ACCESS_KEY_ID ?? "",
      secretAccessKey: running.LOCAL_AWS_OWNER_SECRET_ACCESS_KEY ?? "",
    };
    return connect(
      running,
      localBucket(running),
      owner,
      `the running local AWS (${dataDir})`,
      async () => {},
    );
  }
  const stack = await startLocalAws({ dataDir });
  return connect(
    stack.env,
    localBucket(stack.env),
    stack.credentials.owner,
    `the local AWS in ${dataDir}`,
    stack.stop,
  );
}

function localBucket(env: Record<string, string | undefined>): string {
  const bucket = linkedName(readSstLinks(env), "Resume");
  if (!bucket) throw new Error("The local AWS's environment names no Resume bucket.");
  return bucket;
}

function connect(
  env: Record<string, string | undefined>,
  bucket: string,
  credentials: Credentials | undefined,
  where: string,
  stop: () => Promise<void>,
): Target {
  const endpoint = env.AWS_ENDPOINT_URL_S3;
  const s3 = new S3Client({
    region: env.AWS_REGION,
    endpoint,
    forcePathStyle: endpoint !== undefined,
    credentials,
  });
  return {
    s3,
    bucket,
    where,
    close: async () => {
      s3.destroy();
      await stop();
    },
  };
}
