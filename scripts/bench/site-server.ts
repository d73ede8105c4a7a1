import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type SiteServer = { url: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs `npm start` (build if needed, local AWS, Next) on a free port with a fresh data folder. */
export async function startSite(): Promise<SiteServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-bench-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
    env: { ...process.env, PORT: String(port), LOCAL_AWS_DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 500) {
    if (child.exitCode !== null) throw new Error("the site exited before it was ready");
    if (waited > 300_000) throw new Error("the site did not start within 5 minutes");
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
