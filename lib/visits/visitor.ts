// Who counts and who they are: whether a request is a human visit, the client address
// the platform vouches for, and the daily visitor id. No `import "server-only"`: the
// download route will need them too (the lint rule keeps components/ away).
import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import { isbot } from "isbot";

/** The request facts visit counting needs; built from Next's `headers()` or a test. */
export type VisitRequest = {
  method: string;
  headers: Pick<Headers, "get">;
  /** True on Lambda behind CloudFront, where only CloudFront's header is trusted. */
  behindCloudFront: boolean;
};

export type VisitVerdict =
  | { count: true; clientIp: string; userAgent: string }
  | { count: false; reason: "method" | "prefetch" | "bot" | "no-user-agent" };

// Real browser user agents are a few hundred characters; longer ones are cut before
// matching and hashing so a huge header cannot make either expensive.
const MAX_USER_AGENT = 512;

/** Decides whether a request to a page is a human visit, and who the visitor is. */
export function classifyVisit({ method, headers, behindCloudFront }: VisitRequest): VisitVerdict {
  if (method !== "GET") return { count: false, reason: "method" };
  if (isPrefetch(headers)) return { count: false, reason: "prefetch" };
  const userAgent = (headers.get("user-agent") ?? "").trim().slice(0, MAX_USER_AGENT);
  if (userAgent === "") return { count: false, reason: "no-user-agent" };
  if (isbot(userAgent)) return { count: false, reason: "bot" };
  return { count: true, clientIp: clientIp(headers, behindCloudFront), userAgent };
}

function isPrefetch(headers: Pick<Headers, "get">): boolean {
  if (headers.get("next-router-prefetch") !== null) return true;
  const purpose = `${headers.get("purpose") ?? ""} ${headers.get("sec-purpose") ?? ""}`.toLowerCase();
  return purpose.includes("prefetch");
}

/**
 * The client address the platform vouches for. Behind CloudFront that is the
 * CloudFront-Viewer-Address header ("ip:port"), which CloudFront sets itself; any
 * X-Forwarded-For entry may come from the client. Locally, the launcher's server
 * replaces X-Forwarded-For with the socket's address, so its last entry is the socket.
 */
export function clientIp(headers: Pick<Headers, "get">, behindCloudFront: boolean): string {
  const candidate = behindCloudFront
    ? stripPort(headers.get("cloudfront-viewer-address") ?? "")
    : ((headers.get("x-forwarded-for") ?? "").split(",").at(-1)?.trim() ?? "");
  const ip = candidate.startsWith("::ffff:") ? candidate.slice(7) : candidate;
  return isIP(ip) ? ip : "unknown";
}

function stripPort(address: string): string {
  const colon = address.lastIndexOf(":");
  return colon === -1 ? address : address.slice(0, colon).replace(/^\[|\]$/g, "");
}

/**
 * A day's salt: HMAC(secret, day). It rotates daily, and without the secret no day's
 * salt, earlier or later, can be derived from another's.
 */
export function daySalt(secret: string, day: string): Buffer {
  return createHmac("sha256", secret).update(`visitor-salt:${day}`).digest();
}

/** An opaque per-day visitor id; the IP and user agent cannot be recovered from it. */
export function visitorId(salt: Buffer, clientIp: string, userAgent: string): string {
  return createHmac("sha256", salt).update(clientIp).update("\n").update(userAgent).digest("base64url");
}
