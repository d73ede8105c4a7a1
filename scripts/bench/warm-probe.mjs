// One warm Lambda instance, for `npm run bench:warm`: imports an OpenNext server function's
// handler (argv[2], a bundle directory), then serves batches of `/` on request from its
// parent (IPC), each invocation a distinct visitor, and answers with each one's time.
// Plain JavaScript run by plain node, like coldstart-probe.mjs: no loader hooks in what
// is timed.
//
// Parent → probe: { count, firstVisitor }. Probe → parent: { samples: [{ ms, status,
// bytes, flightBytes, shown }] } where `shown` is the count the page showed (COUNT_PATTERN).
import path from "node:path";
import { pathToFileURL } from "node:url";

const event = JSON.parse(process.env.WARM_EVENT ?? "{}");
const countPattern = new RegExp(process.env.COUNT_PATTERN ?? "$^");
const { handler } = await import(pathToFileURL(path.join(process.argv[2] ?? ".", "index.mjs")).href);

// A distinct address per visitor (CloudFront's viewer address is what the site trusts on
// Lambda), so each invocation is a new visitor, as most of a portfolio's views are.
const address = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function invoke(visitor) {
  const ip = address(visitor);
  const requestId = `warm-${visitor}`;
  const request = {
    ...event,
    headers: { ...event.headers, "cloudfront-viewer-address": `${ip}:443` },
    requestContext: {
      ...event.requestContext,
      requestId,
      http: { ...event.requestContext.http, sourceIp: ip },
    },
  };
  const started = performance.now();
  const result = await handler(request, { awsRequestId: requestId, getRemainingTimeInMillis: () => 30_000 });
  const ms = performance.now() - started;
  const body = Buffer.from(result.body ?? "", result.isBase64Encoded ? "base64" : "utf8").toString();
  // The RSC payload Next inlines after the HTML to hydrate it: self.__next_f.push(…).
  let flightBytes = 0;
  for (const script of body.matchAll(/<script[^>]*>self\.__next_f\.push\(.*?\)<\/script>/gs))
    flightBytes += Buffer.byteLength(script[0]);
  const shown = countPattern.exec(body)?.[1];
  return {
    ms,
    status: result.statusCode,
    bytes: Buffer.byteLength(body),
    flightBytes,
    shown: shown === undefined ? null : Number(shown),
  };
}

process.on("message", async ({ count, firstVisitor }) => {
  const samples = [];
  for (let i = 0; i < count; i++) samples.push(await invoke(firstVisitor + i));
  process.send({ samples });
});
process.on("disconnect", () => process.exit(0)); // keep-alive sockets would hold it open
process.send({ ready: true });
