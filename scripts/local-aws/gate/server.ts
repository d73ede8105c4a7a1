// The authorisation gate: an HTTP server in front of one emulator, on the port the app is
// given. It works out what a request needs (the service's rules), asks the authorizer
// whether the signing identity may, and either answers with AWS's refusal or hands the
// request on untouched (gate/forward.ts) and lets the emulator answer.
import { type IncomingMessage, type Server, type ServerResponse, Agent, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream/promises";
import type { Authorizer, Caller, Check } from "./authorizer";
import { forward, readBody, refuse, replay, type Upstream } from "./forward";
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
  /** A check the emulator's answer calls for before it is passed on (S3's missing-key rule; needs a port upstream). */
  afterAnswer?: (request: GateRequest, status: number) => Check | undefined;
};

const DEFAULT_REGION = "us-east-1";

export type Gate = { port: number; stop: () => Promise<void>; start: () => Promise<void> };

/** Serves the gate for `rules` on a loopback port, in front of `upstream`. */
export async function startGate(
  rules: ServiceRules,
  authorizer: Authorizer,
  upstream: Upstream,
): Promise<Gate> {
  if ("handle" in upstream && rules.afterAnswer)
    throw new Error("A gate that checks the emulator's answer needs the emulator's port.");
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

    if ("handle" in upstream) return upstream.handle(body ? replay(req, body) : req, res);
    const reply = await forward(upstream.port(), req, body, agent);
    const after = caller && rules.afterAnswer?.(gateRequest, reply.statusCode ?? 0);
    const decision = after && caller?.decide(after);
    if (after && caller && decision !== "Allowed") {
      reply.resume();
      return refuse(res, rules.denied(gateRequest, caller, after, decision === "ExplicitlyDenied"));
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
