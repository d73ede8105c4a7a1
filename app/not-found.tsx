import type { Metadata } from "next";
import { StatusPage } from "@/components/portfolio/status-page";
import { portfolio } from "@/lib/content";

export const metadata: Metadata = { title: `Page not found · ${portfolio.name}` };

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page not found">
      <p>There is nothing at this address. The link may be old, or mistyped.</p>
      <p className="actions centered">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- one page: next/link would only add client code (docs/performance.md) */}
        <a className="button primary" href="/">
          Back to {portfolio.name}’s portfolio
        </a>
      </p>
    </StatusPage>
  );
}
