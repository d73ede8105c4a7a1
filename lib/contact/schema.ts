// What a submission must be before anything is stored or mailed. The name and the
// address end up in mail headers (Subject, Reply-To), so neither may hold a line break
// or any other control character; the message is free text with line breaks.
import { z } from "zod";
import { formatCount } from "../format";
import { FIELD, type FieldErrors, LIMITS } from "./form";

// Control characters, line and paragraph separators, and the bidirectional overrides
// and isolates that could make a subject line read backwards. Lone surrogates (\p{Cs})
// are half a character: JSON can carry them, UTF-8 cannot encode them.
const NOT_IN_A_NAME = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// The message keeps line breaks (normalized to \n) and tabs.
const NOT_IN_A_MESSAGE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

const text = (field: string, max: number, forbidden: RegExp, prepare: (s: string) => string) =>
  z
    .string(`Please enter your ${field}.`)
    .transform((value) => prepare(value).normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, `Please enter your ${field}.`)
        .max(max, `Your ${field} is too long: at most ${formatCount(max)} characters.`)
        .refine((value) => !forbidden.test(value), `Your ${field} contains characters that cannot be sent.`),
    );

const schema = z.object({
  [FIELD.name]: text("name", LIMITS.name, NOT_IN_A_NAME, (s) => s.replace(/ {2,}/g, " ")),
  [FIELD.email]: z
    .string("Please enter your email address.")
    .trim()
    .max(LIMITS.email, "This email address is too long.")
    // zod's address pattern: ASCII only, no quotes, spaces or line breaks.
    .pipe(z.email("Please enter a valid email address, such as name@example.com.")),
  [FIELD.message]: text("message", LIMITS.message, NOT_IN_A_MESSAGE, (s) => s.replace(/\r\n?/g, "\n")),
  [FIELD.honeypot]: z.string().max(1_000).optional(),
  [FIELD.token]: z.string().max(200).optional(),
});

export type Submission = { name: string; email: string; message: string; honeypot: string; token: string };
export type Validation = { ok: true; submission: Submission } | { ok: false; errors: FieldErrors };

/** Checks the decoded fields of a form post or a JSON body; unknown fields are ignored. */
export function validateSubmission(fields: unknown): Validation {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields))
    return { ok: false, errors: { form: "The body must be an object of form fields." } };
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field = key === FIELD.name || key === FIELD.email || key === FIELD.message ? key : "form";
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const data = parsed.data;
  return {
    ok: true,
    submission: {
      name: data[FIELD.name],
      email: data[FIELD.email],
      message: data[FIELD.message],
      honeypot: data[FIELD.honeypot] ?? "",
      token: data[FIELD.token] ?? "",
    },
  };
}
