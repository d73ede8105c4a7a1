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

/** Exactly `amount` GETs of `path`, request i from visitor `firstVisitor + i` at an address of its own. */
export type AddressLoadOptions = {
  url: string;
  path: string;
  connections: number;
  amount: number;
  firstVisitor: number;
};

/** What an address load did: its seconds, answers by kind, and latency percentiles in ms. */
export type AddressLoadResult = {
  duration: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
};

async function runClient(client: string, options: object): Promise<unknown> {
  // Asynchronous: this process hosts the emulators, which must keep serving meanwhile.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, client), JSON.stringify(options)],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout);
}

export async function runLoadProcess(options: LoadOptions): Promise<autocannon.Result> {
  return (await runClient("load-client.ts", options)) as autocannon.Result;
}

/** Visitors from distinct loopback addresses (address-load-client.ts says why). */
export async function runAddressLoadProcess(options: AddressLoadOptions): Promise<AddressLoadResult> {
  return (await runClient("address-load-client.ts", options)) as AddressLoadResult;
}
