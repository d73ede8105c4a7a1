import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../build-if-needed";
import { startLocalAws } from "../local-aws/stack";

export type SiteServer = {
  url: string;
  /** The Next.js server process, for memory readings. */
  pid: number;
  /** The local AWS environment the site runs against. */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * What `npm start` runs, split so a benchmark can see inside: the production build
 * (when needed), a fresh local AWS in this process, and the Next server as a child.
 */
export async function startSite(extraEnv: Record<string, string> = {}): Promise<SiteServer> {
  buildIfNeeded();
  const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-bench-"));
  const stack = await startLocalAws({ dataDir });
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join("scripts", "next-server.mjs"), "start"], {
    env: { ...process.env, ...stack.env, ...extraEnv, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error("the site exited before it was ready");
    if (waited > 60_000) throw new Error("the site did not start within a minute");
    if (
      await fetch(url, { method: "HEAD" }).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    env: stack.env,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
