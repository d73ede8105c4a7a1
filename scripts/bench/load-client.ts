/**
 * The load generator for counted-load.ts, in a process of its own: in the process that
 * hosts the emulators, autocannon's 100 connections would starve the DynamoDB emulator's
 * event loop, and the app's 1 s SDK timeouts would then measure the harness, not the site.
 * Usage: load-client.ts <url> <views> <connections>; prints autocannon's result as JSON.
 */
import autocannon from "autocannon";
import { browserAgent } from "./site-client";

const [url, views, connections] = process.argv.slice(2);
if (!url) throw new Error("usage: load-client.ts <url> <views> <connections>");
let n = 0;
const result = await autocannon({
  url,
  connections: Number(connections),
  amount: Number(views),
  // A queue of 100 behind ~60 views/s is seconds long; a slow answer is not a lost one.
  timeout: 30,
  // Locally the client IP is the socket's (127.0.0.1) for all: the user agent makes the visitor.
  requests: [
    {
      method: "GET",
      path: "/",
      setupRequest: (request) => ({
        ...request,
        headers: { ...request.headers, "user-agent": browserAgent(1_000_000 + n++) },
      }),
    },
  ],
});
process.stdout.write(JSON.stringify(result));
