// API Gateway payload 2.0 events for POST /api/contact, as they arrive on AWS (through
// CloudFront, with its viewer-address and origin headers) or from the local server's
// adapter (X-Forwarded-For set to the socket's address), and valid form fields to send.
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { issueFormToken } from "@/lib/contact/form-token";
import { ORIGIN_HEADER, originSecret } from "@/lib/contact/keys";

/** The contact form key of the local AWS the test runs against. */
export const formKey = (): string =>
  (JSON.parse(process.env.SST_RESOURCE_ContactFormKey ?? "{}") as { value: string }).value;

/** Fields a person would send, with `marker` in the message and a form served 10 s before `sentAt`. */
export function personFields(marker: string, sentAt = Date.now()): Record<string, string> {
  return {
    name: "Ada Lovelace",
    email: "ada@example.org",
    message: `Hello from a test. ${marker}`,
    website: "",
    formToken: issueFormToken(formKey(), sentAt - 10_000),
  };
}

type Options = {
  /** "form": a plain form post, "json": what the form's script sends; or a raw content type. */
  type?: "form" | "json" | string;
  clientIp?: string;
  /** "cloudfront": as on AWS (with the origin header unless `origin` says otherwise); "local": the adapter's. */
  via?: "cloudfront" | "local";
  origin?: string | null;
  headers?: Record<string, string>;
};

export function contactEvent(
  body: Record<string, unknown> | string,
  options: Options = {},
): APIGatewayProxyEventV2 {
  const { type = "form", clientIp = "198.51.100.7", via = "local" } = options;
  const contentType =
    type === "form" ? "application/x-www-form-urlencoded" : type === "json" ? "application/json" : type;
  const text =
    typeof body === "string"
      ? body
      : type === "form"
        ? new URLSearchParams(body as Record<string, string>).toString()
        : JSON.stringify(body);
  // API Gateway hands over only text types as text: a form post arrives base64-encoded.
  const asText = /^(text\/|application\/json)/.test(contentType);
  const origin = options.origin === undefined ? originSecret(formKey()) : options.origin;
  const headers: Record<string, string> =
    via === "cloudfront"
      ? {
          host: "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
          "x-forwarded-for": `${clientIp}, 130.176.0.1`,
          "cloudfront-viewer-address": `${clientIp}:50123`,
          via: "2.0 abc.cloudfront.net (CloudFront)",
          ...(origin !== null && { [ORIGIN_HEADER]: origin }),
        }
      : { host: "127.0.0.1:3000", "x-forwarded-for": clientIp };
  const now = new Date();
  return {
    version: "2.0",
    routeKey: "POST /api/contact",
    rawPath: "/api/contact",
    rawQueryString: "",
    headers: {
      "content-type": contentType,
      "user-agent": "Mozilla/5.0 (test)",
      ...headers,
      ...options.headers,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "a1b2c3d4e5",
      domainName: "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
      domainPrefix: "a1b2c3d4e5",
      http: {
        method: "POST",
        path: "/api/contact",
        protocol: "HTTP/1.1",
        sourceIp: via === "cloudfront" ? "130.176.0.1" : clientIp,
        userAgent: "Mozilla/5.0 (test)",
      },
      requestId: crypto.randomUUID(),
      routeKey: "POST /api/contact",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: asText ? text : Buffer.from(text).toString("base64"),
    isBase64Encoded: !asText,
  };
}
