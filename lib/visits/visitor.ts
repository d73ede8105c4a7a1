// Who counts and who they are: whether a request is a human visit, the client address
// the platform vouches for, the daily visitor id and the daily key of the address (for
// the per-address cap). No `import "server-only"`: the download route uses them too (the
// lint rule keeps components/ away).
import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { isbot } from "isbot";
import { isPrefetchRequest, PREFETCH_HEADER } from "../request-headers";

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
  const client = clientOf(headers, behindCloudFront);
  if (client.userAgent === "") return { count: false, reason: "no-user-agent" };
  if (isbot(client.userAgent)) return { count: false, reason: "bot" };
  return { count: true, ...client };
}

/** The client's address and user agent (cut to 512 characters), as ids are made from them. */
export function clientOf(
  headers: Pick<Headers, "get">,
  behindCloudFront: boolean,
): { clientIp: string; userAgent: string } {
  const userAgent = (headers.get("user-agent") ?? "").trim().slice(0, MAX_USER_AGENT);
  return { clientIp: clientIp(headers, behindCloudFront), userAgent };
}

/**
 * Whether the raw request was a prefetch. Next removes its router headers
 * (`Next-Router-Prefetch`, `RSC`…) from what `headers()` returns, so proxy.ts decides from
 * the raw request (`isPrefetchRequest`) and passes the verdict on as PREFETCH_HEADER,
 * overwriting anything the client sent under that name. Without it (proxy not run, or a
 * test), the headers themselves are checked.
 */
function isPrefetch(headers: Pick<Headers, "get">): boolean {
  const verdict = headers.get(PREFETCH_HEADER);
  return verdict === null ? isPrefetchRequest(headers) : verdict === "1";
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
 * The network a visitor is known by: an IPv4 address as it is, an IPv6 address by its
 * /64 prefix. One subscriber usually holds a whole /64, and browsers change the other 64
 * bits (privacy extensions) as often as daily: the full address would count one phone as
 * several visitors, and let one client mint 2^64 "addresses" past the per-address cap.
 */
export function visitorNetwork(clientIp: string): string {
  if (!ipaddr.IPv6.isValid(clientIp)) return clientIp;
  const parts = ipaddr.IPv6.parse(clientIp).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(":")}::/64`;
}

/**
 * An opaque per-day visitor id: HMAC(day salt, network + user agent). Once the day's
 * salt is destroyed, nothing links it to an address or to another day's id.
 */
export function visitorId(salt: Buffer, clientIp: string, userAgent: string, byNetwork = true): string {
  return (
    createHmac("sha256", salt)
      // byNetwork false: the full address, as ids were made before IPv6 was taken by its /64
      // (the changeover day keeps that day's ids, lib/visits/salt.ts).
      .update(byNetwork ? visitorNetwork(clientIp) : clientIp)
      .update("\n")
      .update(userAgent)
      .digest("base64url")
  );
}

/** The day's opaque key of the client's address alone (IPv6: its /64), for the per-address cap. */
export function addressKey(salt: Buffer, clientIp: string): string {
  return createHmac("sha256", salt).update("address\n").update(visitorNetwork(clientIp)).digest("base64url");
}
