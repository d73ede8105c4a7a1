import { Section } from "./section";

export function AboutSection({ paragraphs }: { paragraphs: string[] }) {
  return (
    <Section id="about" title="About">
      <div className="prose">
        {paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </Section>
  );
}
