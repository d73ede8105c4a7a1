// What API Gateway's HTTP API does in front of a Lambda function, for the local server:
// it turns a request into a payload 2.0 event, invokes the function, and turns the
// result back into a response, with API Gateway's own answers where it gives them (its
// 10 MB payload limit, a failed invocation). The contact endpoint thus runs the same
// handler here as on AWS.
import { randomUUID } from "node:crypto";

/** API Gateway refuses larger request payloads itself. */
export const PAYLOAD_LIMIT = 10 * 1024 * 1024;

// Bodies of these types reach the function as text; everything else (form posts
// included) base64-encoded, with isBase64Encoded set.
const TEXT_TYPE = /^\s*(text\/[^;]*|application\/(json|xml|javascript))\s*(;|$)/i;

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ routeKey: string, invoke: (event: object) => Promise<unknown> }} route
 */
export async function serveThroughApiGateway(req, res, { routeKey, invoke }) {
  const body = await readBody(req, PAYLOAD_LIMIT);
  if (body === undefined) {
    res.setHeader("Connection", "close");
    return sendJson(res, 413, { message: "Request Entity Too Large" });
  }
  let result;
  try {
    result = await invoke(toEvent(req, body, routeKey));
  } catch (error) {
    // API Gateway says no more than this when the function fails or times out.
    console.error("[api-gateway]", error instanceof Error ? error.message : error);
    return sendJson(res, 500, { message: "Internal Server Error" });
  }
  writeResult(res, result);
}

/** An answer of API Gateway's own, such as a path no route matches. */
export function sendJson(res, statusCode, body) {
  res.writeHead(statusCode, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

/**
 * The payload 2.0 event for a request: header names lower-cased, repeated headers joined
 * with commas, cookies in their own list, empty parts absent, as API Gateway sends them.
 * @param {import("node:http").IncomingMessage} req
 * @param {Buffer} body
 * @param {string} routeKey
 */
export function toEvent(req, body, routeKey) {
  const url = new URL(req.url ?? "/", "http://localhost");
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (name !== "cookie" && values) headers[name] = values.join(",");
  }
  // API Gateway appends the address the connection came from; only that last entry is
  // trusted (lib/visits/visitor.ts), whatever the client put before it.
  const sourceIp = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  headers["x-forwarded-for"] = [headers["x-forwarded-for"], sourceIp].filter(Boolean).join(", ");
  const cookies = (req.headers.cookie ?? "")
    .split(";")
    .map((c) => c.trim())
    .filter(Boolean);
  const query = Object.fromEntries(
    [...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k).join(",")]),
  );
  const text = TEXT_TYPE.test(headers["content-type"] ?? "");
  const host = headers.host ?? "localhost";
  const now = new Date();
  return {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length > 0 && { cookies }),
    headers,
    ...(url.search && { queryStringParameters: query }),
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: host,
      domainPrefix: host.split(".")[0],
      http: {
        method: req.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 && { body: body.toString(text ? "utf8" : "base64") }),
    isBase64Encoded: body.length > 0 && !text,
  };
}

/** Writes a function's result as API Gateway would: a bare value is a 200 JSON body. */
function writeResult(res, result) {
  if (result === null || typeof result !== "object" || !("statusCode" in result)) {
    const body = typeof result === "string" ? result : JSON.stringify(result);
    res.writeHead(200, { "Content-Type": "application/json" }).end(body);
    return;
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, String(value));
  if (Array.isArray(result.cookies) && result.cookies.length > 0) res.setHeader("Set-Cookie", result.cookies);
  const body = Buffer.from(result.body ?? "", result.isBase64Encoded ? "base64" : "utf8");
  res.writeHead(result.statusCode).end(body);
}

/** The request body, or undefined once it passes `limit` bytes (the rest is not read). */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
