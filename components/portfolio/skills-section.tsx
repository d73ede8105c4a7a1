import type { Portfolio } from "@/lib/content";
import { Section } from "./section";

export function SkillsSection({ skills }: { skills: Portfolio["skills"] }) {
  return (
    <Section id="skills" title="Skills">
      <dl className="skills">
        {skills.map((group) => (
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
    </Section>
  );
}
