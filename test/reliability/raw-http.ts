/**
 * Sends bytes exactly as given and reads the answer: fetch and node:http normalise
 * paths, reject bad header values and add headers, which would hide what the server
 * does with a hostile request.
 */
import { connect } from "node:net";

export type RawResponse = { status: number; head: string; body: string };

/** One request on its own connection; resolves when the server closes it. */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 15_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms`));
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // A server may reset after answering a request it refused; what it sent still counts.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const head = split < 0 ? text : text.slice(0, split);
      const status = Number(head.match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? 0);
      resolve({ status, head, body: split < 0 ? "" : text.slice(split + 4) });
    });
  });
}

/** An HTTP/1.1 request with Host and Connection: close, plus the given headers. */
export function buildRequest(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body = "",
): string {
  const lines = [`${method} ${target} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}
