/**
 * `npm run digest`: sends the owner's daily digest now, through the handler the daily
 * schedule runs on AWS (functions/digest.ts), as the digest's own identity.
 *
 *   npm start        # in one terminal: the site and the embedded local AWS
 *   npm run digest   # in another: mails yesterday's numbers to the SES emulator's inbox
 *   npx sst shell --stage production -- npm run digest   # deployed: mails the owner
 *
 * Run with `--conditions=react-server` (package.json) so `server-only` loads as on AWS.
 */
import { defaultDataDir, runningLocalAws, sstLinksPresent } from "../local-aws/environment";
import { roleEnvironment } from "../local-aws/identities";

let inbox: string | undefined;
if (!sstLinksPresent()) {
  const dataDir = defaultDataDir();
  const running = runningLocalAws(dataDir);
  if (!running) {
    console.error(
      `No local AWS is running on ${dataDir}. Start the site first (npm start, or npm run local-aws): ` +
        "the digest reads its counters and its SES emulator keeps the mail.",
    );
    process.exit(1);
  }
  Object.assign(process.env, running, roleEnvironment("digest"));
  inbox = running.AWS_ENDPOINT_URL_SESV2;
}

const { handler } = await import("../../functions/digest");
try {
  const { day } = await handler();
  console.error(`The digest for ${day} (UTC) was sent.${inbox ? ` Read it at ${inbox}/` : ""}`);
} catch (error) {
  console.error("The digest could not be sent:", error instanceof Error ? error.message : error);
  process.exit(1);
}
