// Handing an allowed request on to its emulator, and answering one that is not.
import { Agent, type IncomingMessage, request, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { Refusal } from "./s3-refusals";

// The emulators cap requests at this (dynalite); a body the gate reads is never larger.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Where an allowed request goes: an emulator's request handler, called in this process
 * (no second connection and parse: the counter's writes are on every page view), or an
 * emulator's port, when the gate must see the answer before passing it on.
 */
export type Upstream =
  { handle: (req: IncomingMessage, res: ServerResponse) => void } | { port: () => number };

/** Sends `req` (with `body` if the gate read it) to the emulator on `port`; resolves to its answer. */
export function forward(port: number, req: IncomingMessage, body: Buffer | undefined, agent: Agent) {
  const forwarded = request({
    host: "127.0.0.1",
    port,
    method: req.method,
    path: req.url,
    headers: req.headers,
    agent,
  });
  const answer = new Promise<IncomingMessage>((resolve, reject) =>
    forwarded.once("response", resolve).once("error", reject),
  );
  if (body) forwarded.end(body);
  else req.pipe(forwarded);
  return answer;
}

/** The request again, its body (already read to decide) readable once more. */
export function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const stream = Readable.from(body.length > 0 ? [body] : []);
  return Object.assign(stream, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    socket: req.socket,
  }) as unknown as IncomingMessage;
}

export function refuse(res: ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { ...refusal.headers, "content-length": Buffer.byteLength(refusal.body) });
  res.end(refusal.body);
}

/** The whole body, or null when it is larger than any request the emulators accept. */
export async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
