"use client";

import Link from "next/link";
import { StatusPage } from "@/components/portfolio/status-page";

// Next requires error boundaries to be client components. It imports no content: the
// content module is server-side, and this page must render even if that is what failed.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code="500" title="Something went wrong">
      <p>The page could not be shown. The error has been logged; please try again.</p>
      <p className="actions centered">
        <button type="button" className="button primary" onClick={reset}>
          Try again
        </button>
        <Link className="button" href="/">
          Back to the portfolio
        </Link>
      </p>
    </StatusPage>
  );
}
