// Serves the site for `npm run dev` / `npm start`: Next.js behind a plain Node HTTP
// server, so that X-Forwarded-For is the socket's address. `next start` would keep a
// client-sent X-Forwarded-For, and the visitor counter must trust only the socket
// locally (on AWS it trusts CloudFront's viewer-address header instead).
// It also plays the parts of API Gateway and the scheduler for the Lambda functions
// beside the site (local-functions.mjs): /api/contact goes to the contact function.
// Plain JavaScript: this process serves every request and should load nothing extra.
import { createServer } from "node:http";
import next from "next";
import { startLocalFunctions } from "./local-functions.mjs";

const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
// Loopback only, so the site and its local data are not open to the network the machine
// is on; HOST=0.0.0.0 (or an address) asks for more, to try the site from a phone.
const host = process.env.HOST || "127.0.0.1";
const app = next({ dev, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();
const functions = startLocalFunctions(process.env);

// Fetch's Request refuses these methods, so Next's proxy step (proxy.ts) throws on them
// and answers 500. On AWS they never arrive: CloudFront's allowed methods exclude them.
const UNSUPPORTED_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

const server = createServer((req, res) => {
  if (UNSUPPORTED_METHODS.has(req.method ?? "")) {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }).end("Method Not Allowed\n");
    return;
  }
  req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  if (functions.serves(pathname)) void functions.serve(req, res, pathname);
  else void handle(req, res);
});
if (dev) server.on("upgrade", app.getUpgradeHandler()); // hot reload's websocket
server.listen(port, host, () =>
  console.log(
    `▲ Next.js ${dev ? "dev" : "production"} server ready on http://localhost:${port} (listening on ${host})`,
  ),
);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    functions.stop();
    void app.close().finally(() => process.exit(0));
  });
}
