// One cold start, for `npm run bench:coldstart`: imports an OpenNext server function's
// handler, invokes it twice with the function-URL event in COLDSTART_EVENT, and prints
// the timings. Plain JavaScript run by plain node: a TypeScript loader would hook, and
// slow, every import being measured. Usage: node coldstart-probe.mjs <bundle dir>
import diagnosticsChannel from "node:diagnostics_channel";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Wall time spent waiting on HTTP calls (the SDK's, to DynamoDB), overlapping calls once.
const spans = [];
const startedAt = new WeakMap();
diagnosticsChannel.subscribe("http.client.request.start", ({ request }) =>
  startedAt.set(request, performance.now()),
);
diagnosticsChannel.subscribe("http.client.response.finish", ({ request }) =>
  spans.push([startedAt.get(request) ?? performance.now(), performance.now()]),
);
function busyMs(intervals) {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of intervals.sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

const event = JSON.parse(process.env.COLDSTART_EVENT ?? "{}");
const context = { awsRequestId: "coldstart", getRemainingTimeInMillis: () => 30_000 };
const started = performance.now();
const { handler } = await import(pathToFileURL(path.join(process.argv[2] ?? ".", "index.mjs")).href);
const imported = performance.now();
const first = await handler(event, context);
const served = performance.now();
const firstHttpMs = busyMs(spans.splice(0));
await handler(event, context);
const warm = performance.now();
const body = Buffer.from(first.body ?? "", first.isBase64Encoded ? "base64" : "utf8").toString();
// The handler may log to stdout: the result is the last line, marked.
console.log(
  `COLDSTART ${JSON.stringify({
    importMs: imported - started,
    firstMs: served - imported,
    firstHttpMs,
    warmMs: warm - served,
    status: first.statusCode,
    body: body.slice(0, 200_000),
  })}`,
);
process.exit(0); // keep-alive sockets would hold the process open
