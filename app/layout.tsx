import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { portfolio } from "@/lib/content";
import { inter } from "@/lib/fonts";
import "./globals.css";
import "./print.css";

const title = `${portfolio.name} · ${portfolio.headline}`;

// Page-specific values (the canonical URL) live with the page; these are shared.
export const metadata: Metadata = {
  metadataBase: new URL(portfolio.siteUrl),
  title,
  description: portfolio.summary,
  authors: [{ name: portfolio.name, url: portfolio.siteUrl }],
  openGraph: {
    type: "profile",
    url: "/",
    siteName: portfolio.name,
    title,
    description: portfolio.summary,
    locale: "en",
  },
  twitter: { card: "summary_large_image", title, description: portfolio.summary },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f5" },
    { media: "(prefers-color-scheme: dark)", color: "#121417" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page carries a per-request CSP nonce (proxy.ts), and Next can only put it on
  // scripts it renders per request: a page prerendered at build would have none, and
  // the browser would refuse its scripts. So no page is prerendered.
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
