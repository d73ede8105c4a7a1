import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/portfolio/status-page";
import { portfolio } from "@/lib/content";

export const metadata: Metadata = { title: `Page not found · ${portfolio.name}` };

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page not found">
      <p>There is nothing at this address. The link may be old, or mistyped.</p>
      <p className="actions centered">
        <Link className="button primary" href="/">
          Back to {portfolio.name}’s portfolio
        </Link>
      </p>
    </StatusPage>
  );
}
