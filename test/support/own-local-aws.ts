// A local AWS of one test file's own, for tests that change its policy (so no other test
// sees it), with an S3 client acting as its owner.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type LocalAwsOptions, startLocalAws } from "../../scripts/local-aws/stack";
import { ownerS3 } from "./owner-clients";

export async function startOwnLocalAws(name: string, options: Omit<LocalAwsOptions, "dataDir"> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), `portfolio-${name}-`));
  const stack = await startLocalAws({ dataDir, ...options });
  const owner = ownerS3(stack);
  const stop = async () => {
    owner.destroy();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { stack, owner, stop };
}
