"use client";

import { StatusPage } from "@/components/portfolio/status-page";

// Next requires error boundaries to be client components. It imports no content: the
// content module is server-side, and this page must render even if that is what failed.
// A plain link home, not next/link: the site has one page, and next/link would add its
// client code to what every server render of a page loads (docs/performance.md).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code="500" title="Something went wrong">
      <p>The page could not be shown. The error has been logged; please try again.</p>
      <p className="actions centered">
        <button type="button" className="button primary" onClick={reset}>
          Try again
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- one page: next/link would only add client code (docs/performance.md) */}
        <a className="button" href="/">
          Back to the portfolio
        </a>
      </p>
    </StatusPage>
  );
}
