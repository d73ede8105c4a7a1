import path from "node:path";
import { BUNDLE_DIR } from "./build-bundle";

export type FunctionUrlResult = {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
  cookies?: string[];
};
type LambdaContext = { awsRequestId: string; getRemainingTimeInMillis: () => number };
type Handler = (event: unknown, context: LambdaContext) => Promise<FunctionUrlResult>;

export const BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

let handler: Handler | undefined;

/** Imports the bundle's handler once per test file, as Lambda does on a cold start. */
async function loadHandler(): Promise<Handler> {
  handler ??= ((await import(path.join(BUNDLE_DIR, "index.mjs"))) as { handler: Handler }).handler;
  return handler;
}

/** Invokes the OpenNext handler with a Lambda function-URL (payload v2) event. */
export async function invoke(
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<FunctionUrlResult> {
  const host = "abc123.lambda-url.us-east-1.on.aws";
  const requestId = crypto.randomUUID();
  const event = {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString: "",
    headers: {
      host,
      "user-agent": BROWSER,
      "x-forwarded-proto": "https",
      // Set by CloudFront in front of the function URL (see lib/visitor-request.ts).
      "cloudfront-viewer-address": "198.51.100.7:50123",
      ...headers,
    },
    requestContext: {
      accountId: "anonymous",
      apiId: "abc123",
      domainName: host,
      domainPrefix: "abc123",
      http: {
        method,
        path: rawPath,
        protocol: "HTTP/1.1",
        sourceIp: "198.51.100.7",
        userAgent: "contract test",
      },
      requestId,
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
  const context: LambdaContext = { awsRequestId: requestId, getRemainingTimeInMillis: () => 30_000 };
  return (await loadHandler())(event, context);
}

export function bodyBytes(result: FunctionUrlResult): Buffer {
  return Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8");
}

/** The visit count a rendered page shows (its machine-readable <data value>). */
export function shownCount(html: string): number {
  const match = html.match(/data-testid="visitor-count"[^>]*><data value="(\d+)">/);
  if (!match) throw new Error(`no visitor count in the page: ${html.slice(0, 300)}`);
  return Number(match[1]);
}
