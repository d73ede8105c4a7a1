import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mailsContaining } from "../../test/support/ses-inbox";
import { startLocalAws } from "../local-aws/stack";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `npm run digest` as a user would, with the local AWS data folder given. */
function runDigest(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  // Without the launcher's variables, as in a fresh terminal.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("SST_") && !name.startsWith("AWS_")),
  ) as NodeJS.ProcessEnv;
  const child = spawn("npm", ["run", "--silent", "digest"], {
    env: { ...env, LOCAL_AWS_DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
}

describe("npm run digest", () => {
  it("mails yesterday's digest through the running local AWS, and says where to read it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-digest-"));
    dirs.push(dataDir);
    const stack = await startLocalAws({ dataDir });
    try {
      const { code, stderr } = await runDigest(dataDir);
      const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      expect(stderr).toContain(
        `The digest for ${day} (UTC) was sent. Read it at ${stack.env.AWS_ENDPOINT_URL_SESV2}/`,
      );
      expect(code).toBe(0);
      const [mail] = await mailsContaining(stack.env.AWS_ENDPOINT_URL_SESV2 ?? "", `Portfolio, ${day}:`);
      expect(mail?.body.html).toContain("Messages received");
    } finally {
      await stack.stop();
    }
  });

  it("explains what to start first when no local AWS runs", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-digest-"));
    dirs.push(dataDir);
    const { code, stderr } = await runDigest(dataDir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/No local AWS is running on .*Start the site first \(npm start/);
  });
});
