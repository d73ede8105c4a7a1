// The authorisation gate: an HTTP server in front of one emulator, on the port the app is
// given. It works out what a request needs (the service's rules), asks the authorizer
// whether the signing identity may, and either answers with AWS's refusal or passes the
// request through untouched and streams the emulator's answer back.
import {
  type IncomingMessage,
  type Server,
  type ServerResponse,
  Agent,
  createServer,
  request,
} from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream/promises";
import type { Authorizer, Caller, Check } from "./authorizer";
import type { Refusal } from "./s3-refusals";
import { signingScope } from "./signature";

export type GateRequest = {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  region: string;
};

/** What one service needs checked, and how it refuses. */
export type ServiceRules = {
  /** Whether deciding needs the request body (then buffered, else streamed through). */
  needsBody: (request: GateRequest) => boolean;
  /** The checks, "pass" for a request that touches nothing (a health probe), or a refusal. */
  checks: (request: GateRequest, body: Buffer) => Check[] | "pass" | Refusal;
  unsigned: (request: GateRequest) => Refusal;
  unknownKey: (request: GateRequest, accessKeyId: string) => Refusal;
  denied: (request: GateRequest, caller: Caller, check: Check, explicit: boolean) => Refusal;
  /** A check the emulator's answer calls for before it is passed on (S3's missing-key rule). */
  afterAnswer?: (request: GateRequest, status: number) => Check | undefined;
};

// The emulators cap requests at this (dynalite); a body the gate reads is never larger.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const DEFAULT_REGION = "us-east-1";

export type Gate = { port: number; stop: () => Promise<void>; start: () => Promise<void> };

/** Serves the gate for `rules` on a loopback port, forwarding to the emulator on `upstreamPort()`. */
export async function startGate(
  rules: ServiceRules,
  authorizer: Authorizer,
  upstreamPort: () => number,
): Promise<Gate> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const scope = signingScope(req.headers, req.url ?? "/");
    const gateRequest: GateRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers: req.headers,
      region: scope?.region || DEFAULT_REGION,
    };
    const body = rules.needsBody(gateRequest) ? await readBody(req) : undefined;
    if (body === null) return refuse(res, { status: 413, headers: {}, body: "" });
    const checks = rules.checks(gateRequest, body ?? Buffer.alloc(0));
    if (!Array.isArray(checks) && checks !== "pass") return refuse(res, checks);

    const caller = authorizer.caller(scope?.accessKeyId);
    if (checks !== "pass") {
      if (!scope) return refuse(res, rules.unsigned(gateRequest));
      if (!caller) return refuse(res, rules.unknownKey(gateRequest, scope.accessKeyId));
      for (const check of checks) {
        const decision = caller.decide(check);
        if (decision !== "Allowed")
          return refuse(res, rules.denied(gateRequest, caller, check, decision === "ExplicitlyDenied"));
      }
    }

    const upstream = request({
      host: "127.0.0.1",
      port: upstreamPort(),
      method: gateRequest.method,
      path: gateRequest.url,
      headers: req.headers,
      agent,
    });
    const answer = new Promise<IncomingMessage>((resolve, reject) =>
      upstream.once("response", resolve).once("error", reject),
    );
    if (body) upstream.end(body);
    else req.pipe(upstream);
    const reply = await answer;

    const after = caller && rules.afterAnswer?.(gateRequest, reply.statusCode ?? 0);
    if (after && caller && caller.decide(after) !== "Allowed") {
      reply.resume();
      return refuse(
        res,
        rules.denied(gateRequest, caller, after, caller.decide(after) === "ExplicitlyDenied"),
      );
    }
    res.writeHead(reply.statusCode ?? 502, reply.rawHeaders);
    await pipeline(reply, res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // The emulator went away mid-request (a fault test stopped it): drop the connection,
      // as a dead endpoint would, rather than invent an answer.
      req.socket.destroy();
    });
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const port = await listen(0);
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
    start: () => listen(port).then(() => undefined),
  };
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { ...refusal.headers, "content-length": Buffer.byteLength(refusal.body) });
  res.end(refusal.body);
}

/** The whole body, or null when it is larger than any request the emulators accept. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
