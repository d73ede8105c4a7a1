// Where the owner's tools (npm run resume, links, stats) act: the resources SST links
// under `npx sst shell --stage <stage> --` (with your own AWS credentials), else the local
// AWS running on the data folder, or one started just for the command, as its owner.
import { defaultDataDir, runningLocalAws } from "./environment";
import type { Credentials } from "./identities";
import { startLocalAws } from "./stack";
import { readSstLinks } from "./sst-links";

export type OwnerSession = {
  /** The app's environment there: the SST links, the region, the local endpoints. */
  env: Record<string, string | undefined>;
  /** The local owner's keys; undefined under `sst shell` (the SDK's default chain). */
  credentials: Credentials | undefined;
  /** Where, in words, for the tool's messages. */
  where: string;
  /** True on the embedded local AWS. */
  local: boolean;
  close: () => Promise<void>;
};

/** Opens the place where `resource` (an SST link name: Resume, Visits) is. */
export async function openOwnerSession(
  resource: string,
  env: Record<string, string | undefined> = process.env,
): Promise<OwnerSession> {
  if (resource in readSstLinks(env)) {
    return {
      env,
      credentials: undefined,
      where: `the linked ${resource}`,
      local: false,
      close: async () => {},
    };
  }
  const dataDir = defaultDataDir(env);
  const running = runningLocalAws(dataDir);
  if (running) {
    const credentials = {
      accessKeyId: running.LOCAL_AWS_OWNER_ACCESS_KEY_ID ?? "",
      secretAccessKey: running.LOCAL_AWS_OWNER_SECRET_ACCESS_KEY ?? "",
    };
    return {
      env: running,
      credentials,
      where: `the running local AWS (${dataDir})`,
      local: true,
      close: async () => {},
    };
  }
  const stack = await startLocalAws({ dataDir });
  return {
    env: stack.env,
    credentials: stack.credentials.owner,
    where: `the local AWS in ${dataDir}`,
    local: true,
    close: stack.stop,
  };
}
