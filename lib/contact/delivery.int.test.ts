import { randomUUID } from "node:crypto";
import { Resource } from "sst";
import { describe, expect, it, vi } from "vitest";
import { contactEvent, personFields } from "@/test/support/contact-event";
import { DEAD_ENDPOINT, pointAt } from "@/test/support/endpoint";
import { messagesTable, messageWith } from "@/test/support/messages-table";
import { actAs } from "@/test/support/role-permissions";
import { mailsContaining } from "@/test/support/ses-inbox";

// Read once: some tests point the app's SES client elsewhere.
const SES = process.env.AWS_ENDPOINT_URL_SESV2 ?? "";
const inbox = () => SES;
// Each as its own role, as on AWS: the endpoint, and the retry job.
const endpoint = async () => {
  actAs("contactApi");
  return import("./handler");
};
const retryJob = async () => {
  actAs("contactRetry");
  return import("./retry");
};

describe("a message on the emulators", () => {
  it("is mailed to the owner, Reply-To the sender, then kept only as a record that it arrived", async () => {
    const marker = randomUUID();
    const { handleContact } = await endpoint();
    const result = await handleContact(contactEvent(personFields(marker)));
    expect(result).toMatchObject({ statusCode: 303, headers: { Location: "/?contact=sent#contact" } });

    const [mail, ...more] = await mailsContaining(inbox(), marker);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      from: Resource.Sender.sender,
      destination: { to: [Resource.Sender.sender] },
      replyTo: ["ada@example.org"],
      subject: "Portfolio message from Ada Lovelace",
    });
    expect(mail?.body.text).toContain(marker);
    expect(mail?.body.html).toContain(marker);

    const record = (await messagesTable()).find((item) => item.sesMessageId === mail?.messageId);
    expect(record).toBeDefined();
    expect(Object.keys(record ?? {}).sort()).toEqual(
      ["attempts", "deliveredAt", "expiresAt", "id", "pk", "receivedAt", "sesMessageId", "sk"].sort(),
    );
    const days = (Number(record?.expiresAt) * 1000 - Number(record?.receivedAt)) / 86_400_000;
    expect(Math.round(days)).toBe(30);
  });

  it("with SES down: the visitor hears sent, the message waits, and the retry job delivers it once SES is back", async () => {
    const marker = randomUUID();
    const sentAt = Date.now();
    pointAt("SESV2", DEAD_ENDPOINT);
    const result = await (
      await endpoint()
    ).handleContact(contactEvent(personFields(marker, sentAt), { type: "json" }), {
      now: sentAt,
    });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? "")).toMatchObject({ status: "sent" });
    const stored = await messageWith(marker);
    expect(stored).toMatchObject({ pending: "yes", attempts: 1, email: "ada@example.org" });

    // Not due yet: the first retry waits a minute.
    const down = await retryJob();
    expect((await down.retryUndelivered(sentAt + 30_000)).attempted).toBe(0);
    // Still down two hours on: tried again, and reported overdue for the alarm.
    const stillDown = await down.retryUndelivered(sentAt + 2 * 3_600_000);
    expect(stillDown).toMatchObject({ attempted: 1, delivered: 0 });
    expect(stillDown.overdue).toBeGreaterThanOrEqual(1);
    expect(await mailsContaining(inbox(), marker, { timeoutMs: 0 })).toEqual([]);

    vi.unstubAllEnvs();
    const back = await retryJob();
    const delivered = await back.retryUndelivered(sentAt + 3 * 3_600_000);
    expect(delivered.delivered).toBeGreaterThanOrEqual(1);
    expect(delivered.overdue).toBe(0);
    expect(await mailsContaining(inbox(), marker)).toHaveLength(1);
    // Delivered means done: later runs send nothing again.
    expect((await back.retryUndelivered(sentAt + 4 * 3_600_000)).attempted).toBe(0);
    expect(await mailsContaining(inbox(), marker, { timeoutMs: 0 })).toHaveLength(1);
    expect(await messageWith(marker)).toBeUndefined();
  });

  it("sent twice (a double click, a resent POST) is stored and mailed once", async () => {
    const marker = randomUUID();
    const { handleContact } = await endpoint();
    const fields = personFields(marker);
    const answers = await Promise.all([1, 2].map(() => handleContact(contactEvent(fields))));
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303]);
    expect(await mailsContaining(inbox(), marker, { count: 2, timeoutMs: 1_000 })).toHaveLength(1);
  });

  it("with DynamoDB down: nothing is said to be sent, the visitor is asked to try again, and no mail goes out", async () => {
    const marker = randomUUID();
    pointAt("DYNAMODB", DEAD_ENDPOINT);
    const { handleContact } = await endpoint();
    const json = await handleContact(contactEvent(personFields(marker), { type: "json" }));
    expect(json.statusCode).toBe(503);
    expect(json.headers["Retry-After"]).toBe("60");
    expect(JSON.parse(json.body ?? "")).toMatchObject({ status: "unavailable" });
    const form = await handleContact(contactEvent(personFields(marker)));
    expect(form.headers.Location).toBe("/?contact=unavailable#contact");
    expect(await mailsContaining(inbox(), marker, { timeoutMs: 500 })).toEqual([]);
  });
});

describe("the per-client limit", () => {
  it("lets a client send 5 messages an hour, answers the 6th 429 with Retry-After, and leaves other clients alone", async () => {
    const { handleContact } = await endpoint();
    // Mid-hour, so the test never straddles two hours' counters.
    const now = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 30 * 60_000;
    const client = "203.0.113.77";
    const send = (ip: string) =>
      handleContact(contactEvent(personFields(randomUUID(), now), { type: "json", clientIp: ip }), { now });
    for (let i = 0; i < 5; i++) expect((await send(client)).statusCode).toBe(200);
    const limited = await send(client);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["Retry-After"]).toBe(String(30 * 60));
    expect(JSON.parse(limited.body ?? "")).toMatchObject({ status: "limited" });
    expect((await send("203.0.113.78")).statusCode).toBe(200);
    // The address itself is kept nowhere, only a keyed hash of it.
    expect(JSON.stringify(await messagesTable())).not.toContain("203.0.113.7");
  });
});
