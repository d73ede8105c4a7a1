import type { Project } from "@/lib/content";
import { ProjectImage } from "./project-image";
import { Section } from "./section";

function ProjectCard({ project }: { project: Project }) {
  return (
    <li className="card project">
      {project.image && <ProjectImage image={project.image} />}
      <h3>{project.title}</h3>
      <p>{project.description}</p>
      <ul className="tags" aria-label="Technologies">
        {project.technologies.map((tech) => (
          <li key={tech}>{tech}</li>
        ))}
      </ul>
      {project.links && project.links.length > 0 && (
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
  );
}

export function ProjectsSection({ projects }: { projects: Project[] }) {
  if (projects.length === 0) return null;
  return (
    <Section id="projects" title="Projects">
      <ul className="grid">
        {projects.map((project) => (
          <ProjectCard key={project.title} project={project} />
        ))}
      </ul>
    </Section>
  );
}
