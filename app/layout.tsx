import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { portfolio } from "@/lib/content";
import "./globals.css";

export const metadata: Metadata = {
  title: `${portfolio.name} · ${portfolio.headline}`,
  description: portfolio.summary,
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f5" },
    { media: "(prefers-color-scheme: dark)", color: "#121417" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
