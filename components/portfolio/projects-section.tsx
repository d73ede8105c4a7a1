import type { Project } from "@/lib/content";
import { Section } from "./section";

export function ProjectsSection({ projects }: { projects: Project[] }) {
  if (projects.length === 0) return null;
  return (
    <Section id="projects" title="Projects">
      <ul className="grid">
        {projects.map((project) => (
          <li key={project.title} className="card">
            <h3>{project.title}</h3>
            <p>{project.description}</p>
            <ul className="tags" aria-label="Technologies">
              {project.technologies.map((tech) => (
                <li key={tech}>{tech}</li>
              ))}
            </ul>
            {project.links.length > 0 && (
              <p className="links">
                {project.links.map((link) => (
                  <a key={link.url} href={link.url} rel="noopener noreferrer">
                    {link.label}
                    <span className="visually-hidden"> for {project.title}</span>
                  </a>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
