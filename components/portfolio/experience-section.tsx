import type { Role } from "@/lib/content";
import { formatMonth } from "@/lib/format";
import { Section } from "./section";

export function ExperienceSection({ roles }: { roles: Role[] }) {
  return (
    <Section id="experience" title="Experience">
      <ol className="timeline">
        {roles.map((role) => (
          <li key={`${role.company}-${role.start}`} className="card">
            <h3>
              {role.title} <span className="at">· {role.company}</span>
            </h3>
            <p className="role-meta">
              <time dateTime={role.start}>{formatMonth(role.start)}</time> –{" "}
              {role.end === "present" ? "Present" : <time dateTime={role.end}>{formatMonth(role.end)}</time>}
              {role.location && <> · {role.location}</>}
            </p>
            <ul>
              {role.highlights.map((highlight) => (
                <li key={highlight}>{highlight}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Section>
  );
}
