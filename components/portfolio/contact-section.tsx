import { ContactForm } from "@/components/contact/contact-form";
import type { FormState } from "@/lib/contact/form";
import { newFormToken } from "@/lib/contact/page-form";
import type { Portfolio } from "@/lib/content";
import { Section } from "./section";

type Props = { contact: Portfolio["contact"]; formState?: FormState };

export function ContactSection({ contact, formState }: Props) {
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
      <h3 className="contact-form-title">Send a message</h3>
      <ContactForm token={newFormToken()} initialState={formState} />
    </Section>
  );
}
