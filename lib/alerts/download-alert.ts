// The optional mail on every resume download (PORTFOLIO_DOWNLOAD_ALERT=on; off by
// default). At most ALERTS_PER_HOUR mails an hour, counted in the Messages table, so a
// burst of downloads cannot flood the owner's inbox or use up SES's sending quota that
// contact messages need; the daily digest still counts every download.
// No `import "server-only"`: the Pages API download route calls it.
import { countThisHour } from "../contact/hourly-count";
import { escapeHtml, htmlDocument } from "../mail/html";
import { type Mail, sendToOwner } from "../mail/ses";

export const ALERTS_PER_HOUR = 10;

export const downloadAlertsOn = (env: Record<string, string | undefined> = process.env) =>
  env.PORTFOLIO_DOWNLOAD_ALERT === "on";

export type AlertOutcome = "off" | "sent" | "capped";

/** Mails the owner that the resume was just downloaded, unless alerts are off or this hour's are used up. */
export async function alertDownload(now = Date.now()): Promise<AlertOutcome> {
  if (!downloadAlertsOn()) return "off";
  const { count } = await countThisHour("download-alerts", now);
  if (count > ALERTS_PER_HOUR) return "capped";
  await sendToOwner(downloadAlertMail(now, count === ALERTS_PER_HOUR));
  return "sent";
}

export function downloadAlertMail(at: number, lastThisHour: boolean): Mail {
  const time = new Date(at).toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const subject = `Your resume was downloaded (${time})`;
  const lines = [
    `Someone downloaded your resume from your portfolio at ${time}.`,
    ...(lastThisHour
      ? [
          `That is ${ALERTS_PER_HOUR} alerts this hour: further downloads this hour are not mailed. The daily digest counts them all.`,
        ]
      : []),
  ];
  const footer = "Sent because PORTFOLIO_DOWNLOAD_ALERT is on (docs/deploy.md).";
  return {
    subject,
    text: [...lines, "", "-- ", footer].join("\n"),
    html: htmlDocument(
      subject,
      [
        ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
        `<p style="color:#50555e;font-size:14px">${escapeHtml(footer)}</p>`,
      ].join("\n"),
    ),
  };
}
