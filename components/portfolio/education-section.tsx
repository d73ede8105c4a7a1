import type { Portfolio } from "@/lib/content";
import { Section } from "./section";

type Props = Pick<Portfolio, "education" | "certifications">;

export function EducationSection({ education = [], certifications = [] }: Props) {
  if (education.length === 0 && certifications.length === 0) return null;
  const title = certifications.length === 0 ? "Education" : "Education & certifications";
  return (
    <Section id="education" title={title}>
      <ul className="credentials">
        {education.map((entry) => (
          <li key={`${entry.school}-${entry.degree}`}>
            <strong>{entry.degree}</strong>, {entry.school} <span className="year">{entry.year}</span>
          </li>
        ))}
        {certifications.map((cert) => (
          <li key={cert.name}>
            <strong>{cert.url ? <a href={cert.url}>{cert.name}</a> : cert.name}</strong>, {cert.issuer}{" "}
            <span className="year">{cert.year}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
