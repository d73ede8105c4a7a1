// Where a view came from, and the viewer's country: the only facts the owner's insights
// keep about a view, each reduced to a short value before anything is stored. Pure
// functions; no `import "server-only"`: the download route and the tools use them too.
import { isIP } from "node:net";
import { getDomain } from "tldts";

/** No referrer, our own site, an unknown attribution tag, or a referrer with no registrable domain. */
export const DIRECT = "direct";
/** A value past the day's cap of distinct values (lib/insights/table.ts). */
export const OTHER = "other";

/**
 * A source, as stored: `via:<tag>` (an attribution link the owner created),
 * `utm:<utm_source>`, `ref:<registrable domain of the referrer>`, `direct` or `other`.
 * The prefix keeps a tag, a campaign and a domain of the same name apart.
 */
export type Source = string;

// Registrable domains are at most a few labels; anything longer is junk, not a source.
const MAX_DOMAIN = 64;
const TAG = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
// utm_source is free text by convention ("linkedin", "newsletter_dec"); only a short,
// plain value is kept. Anything else (spaces, @, slashes, over 40 characters) is ignored.
const UTM_SOURCE = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/** Whether `tag` is a valid attribution tag: 1-32 of a-z, 0-9 and inner hyphens. */
export function isTag(tag: string): boolean {
  return TAG.test(tag);
}

/** The tag a `via` parameter names, lowercased, if it could be one (the owner's list decides if it is). */
export function viaTag(via: string | null | undefined): string | undefined {
  const tag = (via ?? "").trim().toLowerCase();
  return isTag(tag) ? tag : undefined;
}

export type SourceInput = {
  /** The `via` query parameter, if the URL had one. */
  via?: string | null;
  /** The `utm_source` query parameter, if the URL had one. */
  utmSource?: string | null;
  /** The Referer header. */
  referrer?: string | null;
  /** Hosts that are this site (its siteUrl's and the request's): referrals from them are direct. */
  ownHosts: readonly string[];
  /** The attribution tags the owner created. */
  tags: ReadonlySet<string>;
};

/**
 * One source per view: the attribution tag if the link had one (an unknown tag counts as
 * direct, so strangers cannot write their own strings into the owner's data), else a
 * plain `utm_source`, else the referrer's registrable domain (Public Suffix List, through
 * tldts), else direct.
 */
export function resolveSource({ via, utmSource, referrer, ownHosts, tags }: SourceInput): Source {
  if (via != null && via.trim() !== "") {
    const tag = viaTag(via);
    return tag && tags.has(tag) ? `via:${tag}` : DIRECT;
  }
  const utm = (utmSource ?? "").trim().toLowerCase();
  if (UTM_SOURCE.test(utm) && isIP(utm) === 0) return `utm:${utm}`;
  return referrerSource(referrer, ownHosts);
}

function referrerSource(referrer: string | null | undefined, ownHosts: readonly string[]): Source {
  const domain = registrableDomain(referrer);
  if (!domain) return DIRECT;
  if (ownHosts.some((host) => registrableDomain(`https://${host}`) === domain)) return DIRECT;
  return domain.length > MAX_DOMAIN ? OTHER : `ref:${domain}`;
}

/** The registrable domain of an http(s) URL's host, lowercased (punycode for IDNs); null for IPs, localhost, garbage. */
function registrableDomain(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  // Private suffixes count (github.io, vercel.app): each user's site there is its own source.
  return getDomain(parsed.hostname, { allowPrivateDomains: true })?.toLowerCase() ?? null;
}

/** A country, as stored: an ISO 3166-1 alpha-2 code, or `unknown`. */
export type Country = string;
export const UNKNOWN_COUNTRY = "unknown";

/**
 * The viewer's country: CloudFront's `CloudFront-Viewer-Country` (two letters) on AWS,
 * which CloudFront sets from the viewer's address. Off AWS no one vouches for the header,
 * so it is ignored: `unknown`, like anything that is not two letters.
 */
export function viewerCountry(headers: Pick<Headers, "get">, behindCloudFront: boolean): Country {
  if (!behindCloudFront) return UNKNOWN_COUNTRY;
  const code = (headers.get("cloudfront-viewer-country") ?? "").trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : UNKNOWN_COUNTRY;
}
