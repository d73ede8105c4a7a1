/**
 * Hostile requests against every route. Each case is the exact bytes sent (see
 * raw-http.ts); what a case may change in the counters follows from its answer (see
 * hostile-input.test.ts), so a case needs no expected status of its own.
 */
import { browserAgent } from "../../scripts/bench/site-client";
import { CONTACT_CASES } from "./hostile-contact";
import { buildRequest } from "./raw-http";

export type HostileCase = {
  name: string;
  request: string | Buffer;
  method: string;
  path: string;
  /** The user agent sent, which makes the visitor (with the socket's address). */
  agent: string;
};

export const BROWSER = browserAgent(7);
export const BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const ROUTES = ["/", "/api/visits", "/resume/download", "/resume", "/api/health", "/no-such-page"];

const request = (
  name: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body = "",
): HostileCase => ({
  name,
  method,
  path,
  agent: headers["User-Agent"] ?? BROWSER,
  request: buildRequest(method, path, { "User-Agent": BROWSER, ...headers }, body),
});

const methods = ROUTES.flatMap((route) =>
  ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"].map((method) =>
    request(
      `${method} ${route}`,
      method,
      route,
      {},
      method === "PUT" || method === "PATCH" ? '{"total":1e9}' : "",
    ),
  ),
);

const ranges = [
  "bytes=abc",
  "bytes=999999999999-",
  "bytes=-0",
  "bytes=5-1",
  "bytes=0-18446744073709551616",
  "items=0-10",
  "bytes=--1",
  `bytes=${Array.from({ length: 1_500 }, (_, i) => `${i}-${i}`).join(",")}`,
].map((range) => request(`Range: ${range.slice(0, 40)}`, "GET", "/resume/download", { Range: range }));

const conditionalHeaders: Record<string, string>[] = [
  { "If-None-Match": "<script>alert(1)</script>" },
  { "If-None-Match": "*" },
  { "If-None-Match": 'W/"' },
  { "If-None-Match": Array.from({ length: 600 }, (_, i) => `"etag-${i}"`).join(", ") },
  { Range: "bytes=0-99", "If-Range": "garbage, not a date or an etag" },
];
const conditionals = conditionalHeaders.map((headers) =>
  request(`conditional ${JSON.stringify(headers).slice(0, 50)}`, "GET", "/resume/download", headers),
);

const paths = [
  "/resume/../../etc/passwd",
  "/resume/%2e%2e/%2e%2e/etc/passwd",
  "/resume/..%2f..%2f..%2fpackage.json",
  "/resume%2fdownload",
  "/resume/download%2f..%2f..%2fpackage.json",
  "/resume/download/..;/..;/",
  "//resume/download",
  "/resume/download%00.pdf",
  "/resume/%252e%252e/%252e%252e/",
  "/resume\\..\\..\\etc\\passwd",
  "/_next/static/..%2f..%2f..%2fpackage.json",
  "/api/resume/download?inline=1",
  "/%FF%FE",
  "/resume/%C0%AE%C0%AE/",
  "/api/visits%ED%A0%80",
  "/%E0%A4%A",
].map((path) => request(`path ${path}`, "GET", path));

const queries = [
  `/?${"a=1&".repeat(2_000)}`,
  "/?__proto__[polluted]=1&constructor[prototype][polluted]=1",
  "/api/visits?%E0%A4%A=1&x=%",
  "/resume/download?inline=1&inline=0&inline[]=x",
  "/?x=%00%01%0d%0aSet-Cookie:%20a=b",
].map((path) => request(`query ${path.slice(0, 40)}`, "GET", path));

const headers: HostileCase[] = [
  request("one 20 KB header", "GET", "/", { "X-Big": "x".repeat(20_000) }),
  request("a 12 KB cookie of 600 pairs", "GET", "/", {
    Cookie: Array.from({ length: 600 }, (_, i) => `c${i}=${"v".repeat(12)}`).join("; "),
  }),
  request(
    "200 headers",
    "GET",
    "/api/visits",
    Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`X-H${i}`, "1"])),
  ),
  request("a 10 KB user agent", "GET", "/", { "User-Agent": `${BROWSER} ${"A".repeat(10_000)}` }),
  request("a 1,000-hop X-Forwarded-For", "GET", "/", {
    "X-Forwarded-For": Array.from({ length: 1_000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(", "),
  }),
  request("X-Forwarded-For garbage", "GET", "/", {
    "X-Forwarded-For": "'; DROP TABLE visits; --, 256.1.1.1, ::ffff:zz",
  }),
  request("spoofed CloudFront-Viewer-Address", "GET", "/", {
    "CloudFront-Viewer-Address": "203.0.113.9:443",
  }),
  request("spoofed method header", "GET", "/", { "X-Portfolio-Method": "HEAD" }),
  request("RSC payload request", "GET", "/", { RSC: "1" }),
  request(
    "unknown server action",
    "POST",
    "/",
    { "Next-Action": "0123456789abcdef", "Content-Type": "text/plain" },
    "[]",
  ),
  request(
    "form post to the API",
    "POST",
    "/api/visits",
    { "Content-Type": "multipart/form-data; boundary=" },
    "--\r\n",
  ),
  request("Host: evil.example", "GET", "/resume", { Host: "evil.example" }),
  request("absurd Accept-Encoding", "GET", "/", {
    "Accept-Encoding": "gzip;q=2, br;q=-1, *;q=NaN, ".repeat(50),
  }),
];

const raw: HostileCase[] = [
  {
    name: "raw invalid UTF-8 bytes in the path",
    method: "GET",
    path: "/\xff\xfe",
    agent: "",
    request: Buffer.concat([
      Buffer.from("GET /"),
      Buffer.from([0xff, 0xfe, 0xc0]),
      Buffer.from(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
    ]),
  },
  { name: "HTTP/0.9 request line", method: "GET", path: "/", agent: "", request: "GET /\r\n\r\n" },
  {
    name: "HTTP/1.0 without Host",
    method: "GET",
    path: "/api/visits",
    agent: "",
    request: "GET /api/visits HTTP/1.0\r\n\r\n",
  },
  {
    name: "Content-Length and Transfer-Encoding together",
    method: "POST",
    path: "/api/visits",
    agent: "",
    request:
      "POST /api/visits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n",
  },
];

export const HOSTILE_CASES: HostileCase[] = [
  ...methods,
  ...ranges,
  ...conditionals,
  ...paths,
  ...queries,
  ...headers,
  ...raw,
  ...CONTACT_CASES,
];
