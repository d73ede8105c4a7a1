import type { Portfolio } from "@/lib/content";

/**
 * schema.org Person for search engines, built from the content file. Serialised for
 * an inline <script>: "<" is escaped so no value can close the script element.
 */
export function personJsonLd(portfolio: Portfolio): string {
  const current = portfolio.experience.find((role) => role.end === "present");
  const person = {
    "@context": "https://schema.org",
    "@type": "Person",
    name: portfolio.name,
    url: `${portfolio.siteUrl}/`,
    jobTitle: current?.title ?? portfolio.headline,
    description: portfolio.summary,
    email: `mailto:${portfolio.contact.email}`,
    homeLocation: { "@type": "Place", name: portfolio.location },
    ...(current && { worksFor: { "@type": "Organization", name: current.company } }),
    alumniOf: (portfolio.education ?? []).map((entry) => ({
      "@type": "CollegeOrUniversity",
      name: entry.school,
    })),
    knowsAbout: portfolio.skills.flatMap((group) => group.items),
    sameAs: portfolio.contact.links.map((link) => link.url).filter((url) => /^https?:/.test(url)),
  };
  return JSON.stringify(person).replaceAll("<", "\\u003c");
}
