import { headers } from "next/headers";
import type { Portfolio } from "@/lib/content";
import { personJsonLd } from "@/lib/person-json-ld";
import { NONCE_HEADER } from "@/lib/request-headers";

/** The JSON-LD block, carrying this request's CSP nonce (set by proxy.ts). */
export async function PersonJsonLd({ portfolio }: { portfolio: Portfolio }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <script
      type="application/ld+json"
      nonce={nonce}
      // The JSON is escaped by personJsonLd; React would otherwise HTML-escape the quotes.
      dangerouslySetInnerHTML={{ __html: personJsonLd(portfolio) }}
    />
  );
}
