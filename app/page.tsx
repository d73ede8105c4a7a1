import type { Metadata } from "next";
import { AboutSection } from "@/components/portfolio/about-section";
import { ContactSection } from "@/components/portfolio/contact-section";
import { EducationSection } from "@/components/portfolio/education-section";
import { ExperienceSection } from "@/components/portfolio/experience-section";
import { Hero } from "@/components/portfolio/hero";
import { ProjectsSection } from "@/components/portfolio/projects-section";
import { SkillsSection } from "@/components/portfolio/skills-section";
import { PersonJsonLd } from "@/components/seo/person-json-ld";
import { VisitorCount } from "@/components/visitor-counter/visitor-count";
import { formStateOf } from "@/lib/contact/form";
import { portfolio } from "@/lib/content";
import { preloadCurrentPageVisit } from "@/lib/visits/page-visit";

// Resolved against metadataBase (the content file's siteUrl) in app/layout.tsx.
export const metadata: Metadata = { alternates: { canonical: "/" } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  preloadCurrentPageVisit();
  // Where the contact endpoint sends a plain form post back to: `/?contact=sent`, …
  const { contact } = await searchParams;
  return (
    <div className="page">
      <Hero portfolio={portfolio} />
      <main id="main">
        <AboutSection paragraphs={portfolio.about} />
        <ExperienceSection roles={portfolio.experience} />
        <ProjectsSection projects={portfolio.projects} />
        <SkillsSection skills={portfolio.skills} />
        <EducationSection education={portfolio.education} certifications={portfolio.certifications} />
        <ContactSection contact={portfolio.contact} formState={formStateOf(contact)} />
      </main>
      <footer className="footer">
        <p>
          © {portfolio.name}. Served from AWS Lambda; built with Next.js and SST.{" "}
          <a href="/privacy">Privacy</a>
        </p>
        {/* Last in the footer: the 30-day chart streams in after the page, and content
            added at the very end moves nothing else (no layout shift). */}
        <VisitorCount />
      </footer>
      <PersonJsonLd portfolio={portfolio} />
    </div>
  );
}
