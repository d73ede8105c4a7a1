/**
 * The contact form through the site as `npm start` serves it: POST /api/contact reaches
 * the contact function through the local API Gateway adapter, from real sockets on
 * distinct loopback addresses, and the mail reaches the SES emulator.
 */
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type SiteServer, startSite } from "../../scripts/bench/site-server";
import { identityEnvironment } from "../../scripts/local-aws/environment";
import { roleEnvironment } from "../../scripts/local-aws/identities";
import { issueFormToken } from "../../lib/contact/form-token";
import { messageWith } from "../support/messages-table";
import { mailsContaining } from "../support/ses-inbox";

let site: SiteServer;
let ses: string;
let key: string;
beforeAll(async () => {
  site = await startSite({}, { quiet: true });
  ses = site.env.AWS_ENDPOINT_URL_SESV2 ?? "";
  key = (JSON.parse(site.env.SST_RESOURCE_ContactFormKey ?? "{}") as { value: string }).value;
});
afterAll(() => site?.stop());

/** Posts the form as a browser without JavaScript would, from `clientIp` (any 127.x.y.z). */
function postForm(
  clientIp: string,
  message: string,
  accept = "text/html",
): Promise<{ status: number; location?: string; retryAfter?: string }> {
  const body = new URLSearchParams({
    name: "Grace Hopper",
    email: "grace@example.org",
    message,
    website: "",
    formToken: issueFormToken(key, Date.now() - 10_000),
  }).toString();
  const { port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/contact",
        method: "POST",
        localAddress: clientIp,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          Accept: accept,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          const { location, "retry-after": retryAfter } = res.headers;
          resolve({
            status: res.statusCode ?? 0,
            ...(location && { location }),
            ...(retryAfter && { retryAfter }),
          });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("POST /api/contact through the local server", () => {
  it("takes 50 concurrent messages from 50 clients, and each arrives exactly once", async () => {
    const batch = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postForm(`127.0.15.${i + 1}`, `${batch} #${i}#`)),
    );
    expect(answers.filter((a) => a.status !== 303 || a.location !== "/?contact=sent#contact")).toEqual([]);
    const mails = await mailsContaining(ses, batch, { count: 50, timeoutMs: 30_000 });
    expect(mails).toHaveLength(50);
    const numbers = mails
      .map((mail) => Number(/#(\d+)#/.exec(mail.body.text ?? "")?.[1]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("with SES stopped: the visitor sees sent, the message is stored, and the retry job delivers it after SES returns", async () => {
    const marker = randomUUID();
    await site.localAws.stopSes();
    try {
      const answer = await postForm("127.0.16.1", marker);
      expect(answer).toEqual({ status: 303, location: "/?contact=sent#contact" });
    } finally {
      await site.localAws.startSes();
    }
    // Read as the app reads the stack, inspect the table as the owner, and run the job as its own role.
    const env = { ...site.env, ...identityEnvironment(), ...roleEnvironment("contactRetry") };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    expect(await messageWith(marker)).toMatchObject({ pending: "yes", attempts: 1 });
    expect(await mailsContaining(ses, marker, { timeoutMs: 0 })).toEqual([]);

    const { retryUndelivered } = await import("../../lib/contact/retry");
    // The first retry is due a minute after the failed send.
    const report = await retryUndelivered(Date.now() + 2 * 60_000);
    expect(report.delivered).toBeGreaterThanOrEqual(1);
    const mails = await mailsContaining(ses, marker);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.replyTo).toEqual(["grace@example.org"]);
    expect(await messageWith(marker)).toBeUndefined();
    vi.unstubAllEnvs();
  });

  it("limits a client (its socket's address) to 5 messages an hour: 429 with Retry-After, or back to the page", async () => {
    const address = "127.0.17.1";
    for (let i = 0; i < 5; i++) expect((await postForm(address, randomUUID())).status).toBe(303);
    const limited = await postForm(address, randomUUID(), "application/json");
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect(await postForm(address, randomUUID())).toMatchObject({ location: "/?contact=limited#contact" });
    expect((await postForm("127.0.17.2", randomUUID())).location).toBe("/?contact=sent#contact");
  });
});
