// Mail to the site's owner through SES v2, from the sst.aws.Email identity (linked as
// `Sender`) to the same address: one verified identity is both sender and recipient, so
// it works in SES's sandbox too (docs/deploy.md). Locally AWS_ENDPOINT_URL_SESV2 points
// the client at the embedded SES emulator.
// No `import "server-only"`: the Pages API download route sends its alert through here.
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Resource } from "sst";
import { timeouts } from "../aws";
import { headerText } from "./header-text";

export type Mail = {
  subject: string;
  text: string;
  html: string;
  /** Where the owner's "Reply" goes: a visitor's address, already validated. */
  replyTo?: string;
};

// SES answers in a few hundred ms; 3 s before an attempt gives up, two attempts.
const ses = new SESv2Client({
  maxAttempts: 2,
  requestHandler: new NodeHttpHandler({ ...timeouts, requestTimeout: 3_000 }),
});

/** Sends `mail` to the owner and returns SES's message id. */
export async function sendToOwner(mail: Mail): Promise<string> {
  const { sender, configSet } = Resource.Sender;
  if (mail.replyTo !== undefined && headerText(mail.replyTo, 254) !== mail.replyTo)
    throw new Error("A Reply-To address must be one plain line");
  const utf8 = (data: string) => ({ Data: data, Charset: "UTF-8" });
  const { MessageId } = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: sender,
      Destination: { ToAddresses: [sender] },
      ReplyToAddresses: mail.replyTo ? [mail.replyTo] : undefined,
      // Named explicitly: the identity's default set applies anyway, and IAM checks it.
      ConfigurationSetName: configSet,
      Content: {
        Simple: {
          Subject: utf8(headerText(mail.subject, 200)),
          Body: { Text: utf8(mail.text), Html: utf8(mail.html) },
        },
      },
    }),
  );
  if (!MessageId) throw new Error("SES accepted the mail without a message id");
  return MessageId;
}
