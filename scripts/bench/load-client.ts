/**
 * The load generator for the benchmarks and the load test, in a process of its own (see
 * load-process.ts). Usage: load-client.ts '<LoadOptions as JSON>'; prints autocannon's
 * result as JSON.
 */
import autocannon from "autocannon";
import type { LoadOptions } from "./load-process";
import { BOT_AGENT, browserAgent } from "./site-client";

const options = JSON.parse(process.argv[2] ?? "{}") as LoadOptions;
let n = 0;
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
  // A queue of 100 behind ~60 views/s is seconds long; a slow answer is not a lost one.
  timeout: 30,
  requests: [
    {
      method: "GET",
      path: options.path,
      // Locally the client IP is the socket's (127.0.0.1) for all: the user agent makes the visitor.
      setupRequest: (request) => ({
        ...request,
        headers: {
          ...request.headers,
          "user-agent": options.asBot
            ? BOT_AGENT
            : browserAgent(options.firstVisitor + (n++ % (options.visitors ?? Infinity))),
        },
      }),
    },
  ],
});
process.stdout.write(JSON.stringify(result));
