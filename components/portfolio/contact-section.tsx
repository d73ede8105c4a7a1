import type { Portfolio } from "@/lib/content";
import { Section } from "./section";

export function ContactSection({ contact }: { contact: Portfolio["contact"] }) {
  return (
    <Section id="contact" title="Contact">
      <ul className="contact">
        <li>
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </li>
        {contact.links.map((link) => (
          <li key={link.url}>
            <a href={link.url} rel="noopener noreferrer me">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}
