// Reads the mail the SES emulator received, as its own page does (GET /store).
export type InboxMail = {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
};

export async function inbox(sesUrl: string): Promise<InboxMail[]> {
  const response = await fetch(new URL("/store", sesUrl));
  if (!response.ok) throw new Error(`The SES emulator answered ${response.status}`);
  return ((await response.json()) as { emails: InboxMail[] }).emails;
}

/** The mails whose text contains `marker`, waiting up to `timeoutMs` for at least `count`. */
export async function mailsContaining(
  sesUrl: string,
  marker: string,
  { count = 1, timeoutMs = 10_000 } = {},
): Promise<InboxMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await inbox(sesUrl)).filter((mail) =>
      `${mail.subject}\n${mail.body.text}`.includes(marker),
    );
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
