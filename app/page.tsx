import { ContactSection } from "@/components/portfolio/contact-section";
import { ExperienceSection } from "@/components/portfolio/experience-section";
import { Hero } from "@/components/portfolio/hero";
import { ProjectsSection } from "@/components/portfolio/projects-section";
import { SkillsSection } from "@/components/portfolio/skills-section";
import { VisitorCount } from "@/components/visitor-counter/visitor-count";
import { portfolio } from "@/lib/content";

export default function HomePage() {
  return (
    <div className="page">
      <Hero portfolio={portfolio} />
      <main id="main">
        <ExperienceSection roles={portfolio.experience} />
        <ProjectsSection projects={portfolio.projects} />
        <SkillsSection portfolio={portfolio} />
        <ContactSection contact={portfolio.contact} />
      </main>
      <footer className="footer">
        <VisitorCount />
        <p>© {portfolio.name}. Served from AWS Lambda; built with Next.js and SST.</p>
      </footer>
    </div>
  );
}
