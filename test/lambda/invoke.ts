import path from "node:path";
import { BUNDLE_DIR } from "./build-bundle";
import { BROWSER, functionUrlEvent } from "./function-url-event";

export { BROWSER };

export type FunctionUrlResult = {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
  cookies?: string[];
};
type LambdaContext = { awsRequestId: string; getRemainingTimeInMillis: () => number };
type Handler = (event: unknown, context: LambdaContext) => Promise<unknown>;

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
  const event = functionUrlEvent(method, rawPath, headers);
  return (await invokeWith(event, event.requestContext.requestId)) as FunctionUrlResult;
}

/** Invokes the OpenNext handler with any event, as Lambda would (a warmer's, for one). */
export async function invokeWith(event: unknown, requestId: string = crypto.randomUUID()): Promise<unknown> {
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
