/**
 * A load generator whose visitors each come from a loopback address of their own, in a
 * process of its own (see load-process.ts). Usage: address-load-client.ts '<AddressLoadOptions
 * as JSON>'; prints an AddressLoadResult as JSON.
 *
 * autocannon keeps each connection open and cannot choose its source address, so under
 * it every visitor shares 127.0.0.1, and the per-address cap on new visitors
 * (docs/visits.md) would rightly count at most the cap of them. Here request i opens its
 * own connection from address i (Node's `localAddress`; Linux routes all of 127.0.0.0/8
 * to the loopback), as distinct people would.
 */
import { request } from "node:http";
import type { AddressLoadOptions, AddressLoadResult } from "./load-process";
import { browserAgent } from "./site-client";

/** Visitor i's address: 127.10.0.1 and up, one per visitor. */
const visitorAddress = (i: number) => {
  const n = i + 1;
  return `127.${10 + ((n >> 16) & 0xff)}.${(n >> 8) & 0xff}.${n & 0xff}`;
};

const options = JSON.parse(process.argv[2] ?? "{}") as AddressLoadOptions;
const target = new URL(options.url);

function get(i: number): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: options.path,
        localAddress: visitorAddress(i),
        agent: false,
        headers: { "user-agent": browserAgent(options.firstVisitor + i) },
        // A queue of 100 behind ~60 views/s is seconds long; a slow answer is not a lost one.
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

const latencies: number[] = [];
let ok = 0;
let non2xx = 0;
let errors = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: options.connections }, async () => {
    for (let i = next++; i < options.amount; i = next++) {
      const { status, ms } = await get(i);
      latencies.push(ms);
      if (status === 0) errors++;
      else if (status >= 200 && status < 300) ok++;
      else non2xx++;
    }
  }),
);
latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
const result: AddressLoadResult = {
  duration: (performance.now() - started) / 1000,
  ok,
  non2xx,
  errors,
  p50: percentile(0.5),
  p99: percentile(0.99),
};
process.stdout.write(JSON.stringify(result));
