import { S3Client } from "@aws-sdk/client-s3";
import { defaultDataDir, runningLocalAws } from "../local-aws/environment";
import { startLocalAws } from "../local-aws/stack";

export type Target = { s3: S3Client; bucket: string; where: string; close: () => Promise<void> };

/**
 * Where the resume bucket is: the deployed one when SST links are present (run under
 * `npx sst shell`), else the local stack — the running one, or one started just for
 * this command.
 */
export async function openTarget(env: Record<string, string | undefined> = process.env): Promise<Target> {
  if (env.SST_RESOURCE_Resume) return connect(env, "the linked bucket", async () => {});
  const dataDir = defaultDataDir(env);
  const running = runningLocalAws(dataDir);
  if (running) return connect(running, `the running local AWS (${dataDir})`, async () => {});
  const stack = await startLocalAws({ dataDir });
  return connect(stack.env, `the local AWS in ${dataDir}`, stack.stop);
}

function connect(env: Record<string, string | undefined>, where: string, stop: () => Promise<void>): Target {
  const endpoint = env.AWS_ENDPOINT_URL_S3;
  const s3 = new S3Client({
    region: env.AWS_REGION,
    endpoint,
    forcePathStyle: endpoint !== undefined,
    credentials:
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY && endpoint
        ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
        : undefined,
  });
  const bucket = (JSON.parse(env.SST_RESOURCE_Resume ?? "{}") as { name?: string }).name;
  if (!bucket) throw new Error("SST_RESOURCE_Resume has no bucket name");
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
