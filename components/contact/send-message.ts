// The form's JavaScript path: the same endpoint as a plain form post, asked for JSON.
import { CONTACT_PATH, type FieldErrors, type FormState, formStateOf } from "@/lib/contact/form";

export type SendResult = { state: FormState; errors: FieldErrors };

/** Posts the form's fields as JSON and says what came of it. Never throws. */
export async function sendMessage(form: HTMLFormElement): Promise<SendResult> {
  const fields = Object.fromEntries(new FormData(form));
  try {
    const response = await fetch(CONTACT_PATH, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(fields),
    });
    const body = (await response.json().catch(() => ({}))) as { status?: unknown; errors?: FieldErrors };
    // An answer not from the endpoint (the firewall's page, API Gateway's own 429 when the
    // whole API is throttled) has no status: "try again in a minute" fits all of them.
    const fallback = response.status === 413 ? "too-large" : "unavailable";
    return { state: formStateOf(body.status) ?? fallback, errors: body.errors ?? {} };
  } catch {
    return { state: "unavailable", errors: {} };
  }
}
