/**
 * Runs autocannon in a child process. In the process that hosts the emulators (every
 * benchmark's and reliability test's), its connections would starve the DynamoDB
 * emulator's event loop: the app's 1 s SDK timeouts would fire and lose counts, which
 * measures the harness, not the site.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type autocannon from "autocannon";

export type LoadOptions = {
  url: string;
  path: string;
  connections: number;
  /** Exactly this many requests; otherwise `duration` seconds. */
  amount?: number;
  duration?: number;
  /** Request i comes from visitor `firstVisitor + i % visitors` (every request its own if unset). */
  firstVisitor: number;
  visitors?: number;
  /** Send a crawler's user agent instead: the site renders the page and counts nothing. */
  asBot?: boolean;
};

const CLIENT = path.join(import.meta.dirname, "load-client.ts");

export async function runLoadProcess(options: LoadOptions): Promise<autocannon.Result> {
  // Asynchronous: this process hosts the emulators, which must keep serving meanwhile.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", CLIENT, JSON.stringify(options)],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as autocannon.Result;
}
