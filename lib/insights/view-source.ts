// The source and country of a page view, from its request headers. The attribution tag
// is checked against the owner's list without a round trip of its own: what this server
// instance knows decides what the visitor's daily record keeps at once, and the list,
// read beside the view's writes when the tag is new to the instance, decides what is
// counted (lib/visits/writes.ts puts the record right if the two differ).
import { portfolio } from "../content";
import { ATTRIBUTION_HEADER } from "../request-headers";
import { isKnownTag, knownTagNow } from "./links";
import { type Country, resolveSource, type Source, viaTag, viewerCountry } from "./source";

export type ViewSource = {
  /** What the visitor's daily record keeps now: a tag this instance does not know yet is `direct`. */
  stored: Source;
  /** The source, with the tag checked against the owner's list as it is now. */
  resolved: Promise<Source>;
  country: Country;
};

const SITE_HOST = new URL(portfolio.siteUrl).host;

export function viewSource(headers: Pick<Headers, "get">, behindCloudFront: boolean): ViewSource {
  const query = new URLSearchParams(headers.get(ATTRIBUTION_HEADER) ?? "");
  const input = {
    via: query.get("via"),
    utmSource: query.get("utm_source"),
    referrer: headers.get("referer"),
    // Our own pages, under the published address or the one this request came in on.
    ownHosts: [SITE_HOST, headers.get("x-forwarded-host"), headers.get("host")].filter(
      (host): host is string => Boolean(host),
    ),
  };
  const tag = viaTag(input.via);
  const withTag = (known: boolean) => resolveSource({ ...input, tags: new Set(known && tag ? [tag] : []) });
  const stored = withTag(tag !== undefined && knownTagNow(tag));
  return {
    stored,
    // A failed read of the list leaves what the instance knew.
    resolved:
      tag && !knownTagNow(tag) ? isKnownTag(tag).then(withTag, () => stored) : Promise.resolve(stored),
    country: viewerCountry(headers, behindCloudFront),
  };
}
