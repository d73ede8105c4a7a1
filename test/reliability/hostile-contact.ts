/**
 * Hostile requests for POST /api/contact (the contact function behind the local API
 * Gateway adapter): oversized and malformed bodies, wrong content types, header injection
 * and Unicode edge cases. Each must be answered without a 5xx or anything internal.
 */
import { browserAgent } from "../../scripts/bench/site-client";
import type { HostileCase } from "./hostile-corpus";
import { buildRequest } from "./raw-http";

const BROWSER = browserAgent(7);

const PATH = "/api/contact";
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

const post = (
  name: string,
  contentType: string | undefined,
  body: string | Buffer,
  path = PATH,
): HostileCase => {
  const headers: Record<string, string> = { "User-Agent": BROWSER };
  if (contentType) headers["Content-Type"] = contentType;
  const head = buildRequest("POST", path, headers).replace(/\r\n\r\n$/, "");
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  return {
    name: `contact: ${name}`,
    method: "POST",
    path,
    agent: BROWSER,
    request: Buffer.concat([Buffer.from(`${head}\r\nContent-Length: ${bytes.length}\r\n\r\n`), bytes]),
  };
};
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const person = { name: "Ada", email: "ada@example.org", message: "Hello", website: "", formToken: "x" };

export const CONTACT_CASES: HostileCase[] = [
  // Oversized
  post("a 1 MB JSON body", JSON_TYPE, JSON.stringify({ ...person, message: "m".repeat(1_000_000) })),
  post("a 200 KB form body", FORM, form({ ...person, message: "é".repeat(100_000) })),
  post("10,000 form fields", FORM, "a=1&".repeat(10_000)),
  post("a 60,000-character name", JSON_TYPE, JSON.stringify({ ...person, name: "n".repeat(60_000) })),
  // Malformed
  post("truncated JSON", JSON_TYPE, '{"name": "Ada", "email":'),
  post("JSON null", JSON_TYPE, "null"),
  post("a JSON array", JSON_TYPE, "[1,2,3]"),
  post("a JSON string", JSON_TYPE, '"name=Ada"'),
  post("JSON nested 50,000 deep", JSON_TYPE, `${"[".repeat(50_000)}${"]".repeat(50_000)}`),
  post(
    "JSON with numbers and objects for fields",
    JSON_TYPE,
    '{"name":{"$ne":1},"email":["a@b.co"],"message":1e999}',
  ),
  post(
    "__proto__ and constructor fields",
    JSON_TYPE,
    '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"name":"Ada"}',
  ),
  post("an empty body", FORM, ""),
  post("invalid percent-encoding", FORM, "name=%E0%A4%A&email=%&message=%ZZ"),
  // Wrong content types
  post("text/plain", "text/plain", form(person)),
  post(
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    `--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nAda\r\n--x--\r\n`,
  ),
  post("application/xml", "application/xml", "<contact><name>Ada</name></contact>"),
  post("no content type", undefined, form(person)),
  post("a JSON body labelled as a form", FORM, JSON.stringify(person)),
  post("a form body labelled as JSON", JSON_TYPE, form(person)),
  post("UTF-16 JSON", `${JSON_TYPE}; charset=utf-16le`, Buffer.from(JSON.stringify(person), "utf16le")),
  // Header injection
  post("CRLF and Bcc in the name (form)", FORM, form({ ...person, name: "Ada\r\nBcc: victim@example.org" })),
  post(
    "CRLF in the address (JSON)",
    JSON_TYPE,
    JSON.stringify({ ...person, email: "ada@example.org\r\nBcc: v@example.org" }),
  ),
  post(
    "a display name in the address",
    JSON_TYPE,
    JSON.stringify({ ...person, email: '"Eve" <eve@example.org>' }),
  ),
  post(
    "raw CR LF bytes in the form body",
    FORM,
    Buffer.from("name=Ada\r\nBcc:%20v@example.org&email=a@b.co&message=x"),
  ),
  // Unicode edge cases
  post("a lone surrogate", JSON_TYPE, '{"name":"\\ud800","email":"a@example.org","message":"\\udfff"}'),
  post(
    "right-to-left override in the name",
    JSON_TYPE,
    JSON.stringify({ ...person, name: "Ada\u202Egnp.exe" }),
  ),
  post("NUL bytes", JSON_TYPE, '{"name":"Ada\\u0000","email":"a@example.org","message":"a\\u0000b"}'),
  post(
    "overlong UTF-8 bytes",
    FORM,
    Buffer.concat([
      Buffer.from("name="),
      Buffer.from([0xc0, 0xae, 0xe0, 0x80]),
      Buffer.from("&email=a@b.co"),
    ]),
  ),
  post("a byte-order mark before the JSON", JSON_TYPE, `\ufeff${JSON.stringify(person)}`),
  post(
    "a 5,000-character message of combining marks",
    JSON_TYPE,
    JSON.stringify({ ...person, message: `a${"\u0301".repeat(4_999)}` }),
  ),
  post(
    "emoji and other scripts throughout",
    JSON_TYPE,
    JSON.stringify({ ...person, name: "山田 👩🏽‍💻 Zoë", message: "🙂".repeat(2_000) }),
  ),
  // Paths and methods API Gateway has no route for
  {
    ...post("GET", undefined, ""),
    method: "GET",
    request: buildRequest("GET", PATH, { "User-Agent": BROWSER }),
  },
  {
    ...post("PUT", undefined, ""),
    method: "PUT",
    request: buildRequest("PUT", PATH, { "User-Agent": BROWSER }, "{}"),
  },
  post("a sub-path", JSON_TYPE, JSON.stringify(person), `${PATH}/../contact/x`),
  post("a query string", FORM, form(person), `${PATH}?redirect=https://evil.example`),
];
