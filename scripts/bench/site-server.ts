import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../dev/build-if-needed";
import { type LocalAws, startLocalAws } from "../local-aws/stack";

export type SiteServer = {
  url: string;
  /** The Next.js server process, for memory readings. */
  pid: number;
  /** The local AWS environment the site runs against. */
  env: Record<string, string>;
  /** The emulators, which fault tests stop and restart under the running site. */
  localAws: LocalAws;
  /** Everything the Next server wrote to stderr so far. */
  stderr: () => string;
  /** False once the Next server process has exited. */
  running: () => boolean;
  stop: () => Promise<void>;
};

export type SiteOptions = {
  /** Keep the server's stderr (expected error logs) off the console; it is still collected. */
  quiet?: boolean;
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
export async function startSite(
  extraEnv: Record<string, string> = {},
  { quiet = false }: SiteOptions = {},
): Promise<SiteServer> {
  buildIfNeeded();
  const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-bench-"));
  const stack = await startLocalAws({ dataDir });
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join("scripts", "dev", "next-server.mjs"), "start"],
    {
      env: { ...process.env, ...stack.env, ...extraEnv, PORT: String(port) },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    if (!quiet) process.stderr.write(chunk);
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
    localAws: stack,
    stderr: () => stderr,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
