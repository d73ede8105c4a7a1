export const BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** A Lambda function-URL (payload v2) event, as CloudFront's request reaches the function. */
export function functionUrlEvent(method: string, url: string, headers: Record<string, string> = {}) {
  const host = "abc123.lambda-url.us-east-1.on.aws";
  const [rawPath = "/", rawQueryString = ""] = url.split("?", 2);
  const requestId = crypto.randomUUID();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    headers: {
      host,
      "user-agent": BROWSER,
      "x-forwarded-proto": "https",
      // Set by CloudFront in front of the function URL (see lib/visits/visitor.ts).
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
}
