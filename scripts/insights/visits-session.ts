// The owner's tools on the Visits table (npm run links, npm run stats): open the place the
// table is (scripts/local-aws/owner-session.ts) and give this process its environment, so
// lib/ modules reach the table as the site does, but as the owner.
import { portfolio } from "../../lib/content";
import { openOwnerSession } from "../local-aws/owner-session";

export type VisitsSession = { where: string; linkUrl: (tag: string) => string; close: () => Promise<void> };

export async function openVisitsSession(): Promise<VisitsSession> {
  const session = await openOwnerSession("Visits");
  Object.assign(process.env, session.env);
  if (session.credentials) {
    process.env.AWS_ACCESS_KEY_ID = session.credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = session.credentials.secretAccessKey;
    delete process.env.AWS_SESSION_TOKEN;
  }
  // Locally the site is `npm start`'s (PORT, 3000 by default); deployed, the content file's siteUrl.
  const base = session.local ? `http://localhost:${process.env.PORT ?? 3000}` : portfolio.siteUrl;
  return {
    where: session.where,
    linkUrl: (tag) => new URL(`/?via=${encodeURIComponent(tag)}`, base).toString(),
    close: session.close,
  };
}
