import { ImageResponse } from "next/og";
import type { Portfolio } from "@/lib/content";

/** Satori lays out only with flexbox: every generated image starts from this box. */
export const FULL_FLEX_BOX = { width: "100%", height: "100%", display: "flex" } as const;

/** The size every social network crops least: 1.91:1. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

/**
 * The picture shown when the site is shared (Open Graph and Twitter cards), rendered
 * by next/og at build time. Satori supports only inline styles and flexbox, hence the
 * style objects; it uses next/og's bundled font, so the build needs no network.
 */
export function renderShareCard(portfolio: Portfolio): ImageResponse {
  const host = new URL(portfolio.siteUrl).host;
  return new ImageResponse(
    <div
      style={{
        ...FULL_FLEX_BOX,
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "72px 80px",
        background: "linear-gradient(135deg, #0b1220 0%, #123a66 100%)",
        color: "#f4f6f9",
      }}
    >
      <div style={{ display: "flex", fontSize: 28, color: "#9cc7ff" }}>{host}</div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 84, fontWeight: 700, lineHeight: 1.05 }}>{portfolio.name}</div>
        <div style={{ fontSize: 38, marginTop: 20, color: "#d6e2f0" }}>{portfolio.headline}</div>
      </div>
      <div style={{ display: "flex", fontSize: 28, color: "#9cc7ff" }}>
        {portfolio.availability ?? portfolio.location}
      </div>
    </div>,
    SHARE_CARD_SIZE,
  );
}
