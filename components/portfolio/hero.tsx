import type { Portfolio } from "@/lib/content";
import { SectionNav } from "./section-nav";

export function Hero({ portfolio }: { portfolio: Portfolio }) {
  return (
    <header className="hero">
      <SectionNav portfolio={portfolio} />
      <h1>{portfolio.name}</h1>
      <p className="headline">{portfolio.headline}</p>
      <p className="meta">
        <span>{portfolio.location}</span>
        {portfolio.availability && <span className="availability">{portfolio.availability}</span>}
      </p>
      <p className="summary">{portfolio.summary}</p>
      <nav aria-label="Quick links" className="actions">
        {/* A plain <a>: the route streams a file, so client-side navigation must not intercept it. */}
        <a className="button primary" href="/resume/download" download={portfolio.resume.fileName}>
          Download resume
        </a>
        <a className="button" href={`mailto:${portfolio.contact.email}`}>
          Email me
        </a>
      </nav>
      {/* Printed instead of the buttons: on paper, where to reach the person is what counts. */}
      <p className="print-only print-contact">
        {portfolio.contact.email} · {portfolio.siteUrl.replace(/^https?:\/\//, "")}
      </p>
    </header>
  );
}
