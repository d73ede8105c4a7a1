import type { Metadata } from "next";
import { portfolio } from "@/lib/content";
import { addressCap } from "@/lib/visits/table";

export const metadata: Metadata = {
  title: `Privacy · ${portfolio.name}`,
  description: "What the visitor counter on this site stores, and for how long.",
  alternates: { canonical: "/privacy" },
};

// The short version of docs/visits.md ("Privacy model"), in words a visitor can read.
export default function PrivacyPage() {
  return (
    <div className="page">
      <main id="main" className="privacy">
        <h1>Privacy</h1>
        <p>
          This site counts page views, unique visitors and resume downloads per day. It sets no cookies, runs
          no third-party scripts and stores no IP address or browser name.
        </p>
        <h2>How a visitor is counted</h2>
        <p>
          On your first view of a day (UTC), the server combines your IP address (for IPv6, its first half,
          the /64 network) and your browser’s user agent with a random value made for that day, and keeps only
          the result: a code that cannot be turned back into your address. The next day uses a new random
          value, so the codes of two days cannot be linked to each other.
        </p>
        <p>
          The day’s random value and the codes are deleted an hour after the day ends. Until the database
          removes them (it can take up to two more days) they are never used again. They are kept apart from
          the counters and are not in any backup.
        </p>
        <h2>Limits</h2>
        <p>
          At most {addressCap()} different browsers from one internet address count as new visitors on one
          day; more still count as views. Bots, link previews and prefetches are not counted, and a resume
          download counts once per visitor per day.
        </p>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- one page: next/link would only add client code (docs/performance.md) */}
          <a href="/">Back to {portfolio.name}’s portfolio</a>
        </p>
      </main>
    </div>
  );
}
