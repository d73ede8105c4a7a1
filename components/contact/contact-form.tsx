"use client";

import { type FormEvent, useState } from "react";
import {
  CONTACT_PATH,
  FIELD,
  type FieldErrors,
  type FormState,
  LIMITS,
  STATE_MESSAGES,
} from "@/lib/contact/form";
import { sendMessage } from "./send-message";

type Props = {
  /** The signed time this page was served (lib/contact/form-token.ts). */
  token: string;
  /** The outcome of a plain form post, from the page's `?contact=`. */
  initialState?: FormState;
};

/**
 * A plain form that posts to /api/contact and works without JavaScript (the endpoint
 * answers 303 back to the page, which shows the outcome). With JavaScript, the same
 * endpoint answers JSON and the outcome appears inline, announced by a live region.
 */
export function ContactForm({ token, initialState }: Props) {
  const [state, setState] = useState<FormState | "sending" | undefined>(initialState);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setState("sending");
    setErrors({});
    const result = await sendMessage(form);
    setState(result.state);
    setErrors(result.errors);
    if (result.state === "sent") form.reset();
    const invalid = [FIELD.name, FIELD.email, FIELD.message].find((field) => result.errors[field]);
    if (invalid) form.querySelector<HTMLElement>(`[name="${invalid}"]`)?.focus();
  }

  const described = (field: keyof FieldErrors) =>
    errors[field] ? { "aria-invalid": true, "aria-describedby": `contact-${field}-error` } : {};
  const status = state === "sending" ? "Sending…" : state && (errors.form ?? STATE_MESSAGES[state]);

  return (
    <form className="contact-form" action={CONTACT_PATH} method="post" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="contact-name">Name</label>
        <input
          id="contact-name"
          name={FIELD.name}
          type="text"
          autoComplete="name"
          required
          maxLength={LIMITS.name}
          {...described("name")}
        />
        <FieldError field="name" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="contact-email">Email</label>
        <input
          id="contact-email"
          name={FIELD.email}
          type="email"
          autoComplete="email"
          required
          maxLength={LIMITS.email}
          {...described("email")}
        />
        <FieldError field="email" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="contact-message">Message</label>
        <textarea
          id="contact-message"
          name={FIELD.message}
          rows={6}
          required
          maxLength={LIMITS.message}
          {...described("message")}
        />
        <FieldError field="message" errors={errors} />
      </div>
      {/* The honeypot: off-screen, out of the tab order and hidden from screen readers. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="contact-website">Leave this field empty</label>
        <input id="contact-website" name={FIELD.honeypot} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <input type="hidden" name={FIELD.token} value={token} />
      <button className="button primary" type="submit" disabled={state === "sending"}>
        Send message
      </button>
      <p className="form-status" role="status" aria-live="polite" data-state={state}>
        {status}
      </p>
    </form>
  );
}

function FieldError({ field, errors }: { field: keyof FieldErrors; errors: FieldErrors }) {
  const error = errors[field];
  return error ? (
    <p id={`contact-${field}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}
