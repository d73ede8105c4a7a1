"use client";

import { type FormEvent, type ReactNode, useState } from "react";
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

  const status = state === "sending" ? "Sending…" : state && (errors.form ?? STATE_MESSAGES[state]);

  return (
    <form className="contact-form" action={CONTACT_PATH} method="post" onSubmit={onSubmit}>
      <Field field="name" label="Name" errors={errors}>
        {(props) => <input {...props} type="text" autoComplete="name" required maxLength={LIMITS.name} />}
      </Field>
      <Field field="email" label="Email" errors={errors}>
        {(props) => <input {...props} type="email" autoComplete="email" required maxLength={LIMITS.email} />}
      </Field>
      <Field field="message" label="Message" errors={errors}>
        {(props) => <textarea {...props} rows={6} required maxLength={LIMITS.message} />}
      </Field>
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

type FieldName = "name" | "email" | "message";
type ControlProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A labelled control, marked invalid and described by its error when the endpoint refused it. */
function Field(props: {
  field: FieldName;
  label: string;
  errors: FieldErrors;
  children: (control: ControlProps) => ReactNode;
}) {
  const { field, label, errors, children } = props;
  const id = `contact-${field}`;
  const error = errors[field];
  const control: ControlProps = { id, name: FIELD[field] };
  if (error) Object.assign(control, { "aria-invalid": true, "aria-describedby": `${id}-error` });
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
