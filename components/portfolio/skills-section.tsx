import type { Portfolio } from "@/lib/content";
import { Section } from "./section";

export function SkillsSection({ portfolio }: { portfolio: Portfolio }) {
  return (
    <Section id="skills" title="Skills">
      <dl className="skills">
        {portfolio.skills.map((group) => (
          <div key={group.group}>
            <dt>{group.group}</dt>
            <dd>
              <ul className="tags">
                {group.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      {portfolio.education.length > 0 && (
        <>
          <h3>Education</h3>
          <ul className="plain">
            {portfolio.education.map((entry) => (
              <li key={entry.school}>
                {entry.degree}, {entry.school} ({entry.year})
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
