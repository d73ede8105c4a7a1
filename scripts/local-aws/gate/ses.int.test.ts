// The gate in front of the SES v2 emulator, through the real AWS SDK, on a local AWS of
// its own: a role that holds ses:SendEmail on the sender's identity and configuration set
// sends; one that does not is refused as SES refuses it, and nothing reaches the inbox.
import { randomUUID } from "node:crypto";
import { SendEmailCommand, type SESv2Client } from "@aws-sdk/client-sesv2";
import { afterAll, describe, expect, it } from "vitest";
import { startGateFixture } from "../../../test/support/gate-fixture";
import { withoutAction } from "../../../test/support/role-permissions";
import { inbox, mailsContaining } from "../../../test/support/ses-inbox";

const g = await startGateFixture("gate-ses");
afterAll(() => g.stop());
const contactApi = g.as(g.stack.credentials.contactApi);
const sesUrl = g.stack.env.AWS_ENDPOINT_URL_SESV2!;
const identityArn = `arn:aws:ses:us-east-1:000000000000:identity/${g.sender.sender}`;
const configSetArn = `arn:aws:ses:us-east-1:000000000000:configuration-set/${g.sender.configSet}`;

/** Sends one mail with `subject`, as the app does (lib/mail/ses.ts): from the sender, to the sender, its set named. */
const send = (ses: SESv2Client, subject: string, extra: { ConfigurationSetName?: string } = {}) =>
  ses.send(
    new SendEmailCommand({
      FromEmailAddress: g.sender.sender,
      Destination: { ToAddresses: [g.sender.sender] },
      ConfigurationSetName: g.sender.configSet,
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: "body" } } } },
      ...extra,
    }),
  );

describe("SES v2 SendEmail through the gate", () => {
  it("sends for a role granted ses:SendEmail on the identity and the configuration set", async () => {
    const subject = randomUUID();
    expect((await send(contactApi.ses, subject)).MessageId).toBeTruthy();
    expect(await mailsContaining(sesUrl, subject)).toHaveLength(1);
  });

  it("refuses the site role (no mail grant) with SES's 403 AccessDeniedException, naming the identity, and sends nothing", async () => {
    const subject = randomUUID();
    const error = await send(g.site.ses, subject).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "AccessDeniedException",
      $metadata: { httpStatusCode: 403, attempts: 1 },
    });
    expect((error as Error).message).toBe(
      "User `arn:aws:sts::000000000000:assumed-role/serverless-portfolio-local-SiteServerRole/serverless-portfolio-local-SiteServer' " +
        `is not authorized to perform \`ses:SendEmail' on resource \`${identityArn}'`,
    );
    expect(await mailsContaining(sesUrl, subject, { timeoutMs: 0 })).toEqual([]);
  });

  it("refuses a role whose grant lacks the configuration set (named, or the identity's default), and another identity", async () => {
    const narrowed = g.stack.grants.contactApi.map((p) =>
      p.actions.includes("ses:SendEmail")
        ? { ...p, resources: p.resources.filter((r) => r !== configSetArn) }
        : p,
    );
    await g.stack.useGrants("contactApi", narrowed);
    try {
      await expect(send(contactApi.ses, randomUUID())).rejects.toThrow(`on resource \`${configSetArn}'`);
      const unnamed = send(contactApi.ses, randomUUID(), { ConfigurationSetName: undefined });
      await expect(unnamed).rejects.toThrow(`on resource \`${configSetArn}'`);
    } finally {
      await g.stack.useGrants("contactApi", g.stack.grants.contactApi);
    }
    await expect(
      contactApi.ses.send(
        new SendEmailCommand({
          FromEmailAddress: "Someone Else <someone@example.net>",
          Destination: { ToAddresses: [g.sender.sender] },
          Content: { Simple: { Subject: { Data: "x" }, Body: { Text: { Data: "x" } } } },
        }),
      ),
    ).rejects.toThrow("on resource `arn:aws:ses:us-east-1:000000000000:identity/someone@example.net'");
  });

  it("refuses as soon as the role loses ses:SendEmail", async () => {
    await g.stack.useGrants("contactApi", withoutAction(g.stack.grants.contactApi, "ses:SendEmail"));
    try {
      await expect(send(contactApi.ses, randomUUID())).rejects.toMatchObject({
        name: "AccessDeniedException",
      });
    } finally {
      await g.stack.useGrants("contactApi", g.stack.grants.contactApi);
    }
  });

  it("refuses unknown keys and unsigned requests; the inbox pages need no identity", async () => {
    const stranger = g.as({ accessKeyId: "AKIAUNKNOWNKEY000001", secretAccessKey: "x" });
    await expect(send(stranger.ses, randomUUID())).rejects.toMatchObject({
      name: "UnrecognizedClientException",
      $metadata: { httpStatusCode: 403 },
    });
    const unsigned = await fetch(`${sesUrl}/v2/email/outbound-emails`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ FromEmailAddress: g.sender.sender }),
    });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(Array.isArray(await inbox(sesUrl))).toBe(true);
    expect((await fetch(`${sesUrl}/`)).status).toBe(200);
  });

  it("refuses what it cannot map (other SES operations, a form-encoded body) instead of passing it unchecked", async () => {
    const signed = {
      authorization: `AWS4-HMAC-SHA256 Credential=${g.stack.credentials.owner.accessKeyId}/20260101/us-east-1/ses/aws4_request`,
    };
    const account = await fetch(`${sesUrl}/v2/email/account`, { headers: signed });
    expect(account.status).toBe(501);
    const form = await fetch(`${sesUrl}/V2/Email/Outbound-Emails/`, {
      method: "POST",
      headers: { ...signed, "content-type": "application/x-www-form-urlencoded" },
      body: `FromEmailAddress=${encodeURIComponent(g.sender.sender)}`,
    });
    expect(form.status).toBe(400);
  });
});
