// The contact form as both sides know it: field names, limits and what each outcome says.
// The form (components/contact/) and the endpoint (lib/contact/) import it, so the
// browser's own checks and the server's agree. No AWS and no Node APIs: the form is a
// client component.

import { formatCount } from "../format";

export const CONTACT_PATH = "/api/contact";

export const FIELD = {
  name: "name",
  email: "email",
  message: "message",
  /** The honeypot: hidden from people, filled in by bots that fill every field. */
  honeypot: "website",
  /** The signed time the form was rendered (lib/contact/form-token.ts). */
  token: "formToken",
} as const;

/** Characters (UTF-16 code units, as the browser's maxlength counts them). */
export const LIMITS = { name: 100, email: 254, message: 5_000 } as const;

/** Per-field messages for a submission the endpoint refused ("form": about the whole body). */
export type FieldErrors = Partial<Record<"name" | "email" | "message" | "form", string>>;

/** What a submission can come to; a plain form post is sent back to `/?contact=<state>`. */
export const FORM_STATES = ["sent", "invalid", "expired", "too-large", "limited", "unavailable"] as const;
export type FormState = (typeof FORM_STATES)[number];

/** What the page says for each state, with JavaScript or without. */
export const STATE_MESSAGES: Record<FormState, string> = {
  sent: "Thank you, your message was sent. You will get an answer by email.",
  invalid: "Please check your name, email address and message, and send again.",
  expired: "This page was open too long to send from. Reload it and send again (copy your message first).",
  "too-large": `The message is too long: keep it under ${formatCount(LIMITS.message)} characters.`,
  limited: "You have sent several messages in the last hour. Please try again later.",
  unavailable: "Your message could not be sent just now. Please try again in a minute.",
};

/** The state in `?contact=`, if it is one the page knows. */
export function formStateOf(value: unknown): FormState | undefined {
  return FORM_STATES.find((state) => state === value);
}
