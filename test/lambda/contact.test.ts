import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { captureStdout } from "../support/capture-stdout";
import { contactEvent, personFields } from "../support/contact-event";
import { emfDocuments, metricValues } from "../support/emf";
import { mailsContaining } from "../support/ses-inbox";
import { type Invocable, loadFunction } from "./function-bundles";

type Result = { statusCode: number; headers: Record<string, string>; body?: string };

const SES = process.env.AWS_ENDPOINT_URL_SESV2 ?? "";
let contact: Invocable;
beforeAll(async () => {
  contact = await loadFunction("contactApi");
});

/** Invokes the bundled contact function through CloudFront, from a client address of its own. */
async function post(
  body: Record<string, unknown> | string,
  options: Parameters<typeof contactEvent>[1] = {},
) {
  const event = contactEvent(body, { via: "cloudfront", clientIp: nextClient(), ...options });
  return (await contact(event)) as Result;
}
let client = 0;
const nextClient = () => `198.51.100.${(client++ % 200) + 10}`;
const json = (result: Result) =>
  JSON.parse(result.body ?? "{}") as { status: string; errors?: Record<string, string> };

describe("POST /api/contact, the bundled function with API Gateway v2 events", () => {
  it("answers a plain form post (base64-encoded by API Gateway) 303 to the page, and mails the message", async () => {
    const marker = randomUUID();
    const result = await post(personFields(marker));
    expect(result.statusCode).toBe(303);
    expect(result.headers.Location).toBe("/?contact=sent#contact");
    expect(await mailsContaining(SES, marker)).toHaveLength(1);
  });

  it("answers the form's script 200 with JSON", async () => {
    const marker = randomUUID();
    const result = await post(personFields(marker), { type: "json" });
    expect(result.statusCode).toBe(200);
    expect(result.headers["Content-Type"]).toBe("application/json; charset=utf-8");
    expect(json(result).status).toBe("sent");
    expect(await mailsContaining(SES, marker)).toHaveLength(1);
  });

  it("answers 400 naming each bad field, and 400 for malformed JSON", async () => {
    const bad = await post({ ...personFields("x"), email: "nope", name: "" }, { type: "json" });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(json(bad).errors ?? {}).sort()).toEqual(["email", "name"]);
    const malformed = await post('{"name": "Ada",', { type: "json" });
    expect([malformed.statusCode, json(malformed).status]).toEqual([400, "invalid"]);
  });

  it("answers 413 past the body limit (303 to the page's 'too long' for a form post), and 415 to other types", async () => {
    const big = { ...personFields("x"), message: "m".repeat(70_000) };
    expect((await post(big, { type: "json" })).statusCode).toBe(413);
    expect((await post(big)).headers.Location).toBe("/?contact=too-large#contact");
    expect((await post("name=Ada", { type: "text/plain" })).statusCode).toBe(415);
  });

  it("answers 429 with Retry-After to a sixth message in an hour from one viewer, however it forges X-Forwarded-For", async () => {
    const viewer = "192.0.2.200";
    const answers: Result[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(
        await post(personFields(randomUUID()), {
          type: "json",
          clientIp: viewer,
          headers: { "x-forwarded-for": `10.9.9.${i}, ${viewer}, 130.176.0.1` },
        }),
      );
    }
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 429]);
    const retryAfter = Number(answers[5]?.headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
  });

  it("answers spam exactly as success (honeypot, too fast, no token), mails nothing, and counts it", async () => {
    const marker = randomUUID();
    const person = personFields(marker);
    const spam = [
      { ...person, website: "https://cheap.example" },
      { ...person, formToken: personFields(marker, Date.now() + 9_000).formToken },
      { ...person, formToken: "" },
    ];
    for (const fields of spam) {
      let result: Result | undefined;
      const out = await captureStdout(async () => (result = await post(fields)));
      expect(result?.statusCode).toBe(303);
      expect(result?.headers.Location).toBe("/?contact=sent#contact");
      expect(emfDocuments(out).map(metricValues)).toContainEqual(expect.objectContaining({ ContactSpam: 1 }));
      const viaJson = await post(fields, { type: "json" });
      expect([viaJson.statusCode, viaJson.body]).toEqual([200, (await post(person, { type: "json" })).body]);
    }
    // Only the one real message (sent last in each round, the same fields: stored once) arrived.
    expect(await mailsContaining(SES, marker, { count: 2, timeoutMs: 1_000 })).toHaveLength(1);
  });

  it("refuses a request that did not come through CloudFront (API Gateway's own URL): 403, nothing stored", async () => {
    const marker = randomUUID();
    for (const origin of [null, "forged"]) {
      const result = await post(personFields(marker), { type: "json", origin });
      expect(result.statusCode).toBe(403);
    }
    expect(await mailsContaining(SES, marker, { timeoutMs: 500 })).toEqual([]);
  });
});

describe("the scheduled functions, bundled", () => {
  it("the retry job and the digest run with the schedule's empty event", async () => {
    const [retry, digest] = await Promise.all([loadFunction("contactRetry"), loadFunction("digest")]);
    await expect(retry({})).resolves.toBeUndefined();
    const { day } = (await digest({})) as { day: string };
    expect(await mailsContaining(SES, `Portfolio, ${day}:`)).not.toHaveLength(0);
  });
});
