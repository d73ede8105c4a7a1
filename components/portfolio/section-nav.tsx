import type { Portfolio } from "@/lib/content";

/** Jump links to the page's sections; only to sections the content actually has. */
export function SectionNav({ portfolio }: { portfolio: Portfolio }) {
  const sections = [
    { id: "about", label: "About", shown: true },
    { id: "experience", label: "Experience", shown: true },
    { id: "projects", label: "Projects", shown: portfolio.projects.length > 0 },
    { id: "skills", label: "Skills", shown: true },
    { id: "contact", label: "Contact", shown: true },
  ];
  return (
    <nav aria-label="Sections" className="section-nav">
      <ul>
        {sections
          .filter((section) => section.shown)
          .map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.label}</a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
