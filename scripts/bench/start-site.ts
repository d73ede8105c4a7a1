import { spawn } from "node:child_process";
import { createServer } from "node:net";

export type RunningSite = { url: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Runs `npm start` (production build when needed, embedded local AWS) on a free port,
 * with its data in `dataDir`, and resolves once the site answers.
 */
export async function startSite(dataDir: string): Promise<RunningSite> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  // Its own process group, so stopping it stops Next and the emulators with it.
  const child = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), LOCAL_AWS_DATA_DIR: dataDir },
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGINT");
    await exited;
  };
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`npm start did not answer on ${url} within 4 minutes`);
}
