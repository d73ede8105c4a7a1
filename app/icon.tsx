import { ImageResponse } from "next/og";
import { FULL_FLEX_BOX } from "@/components/og/share-card";
import { portfolio } from "@/lib/content";

// The tab icon: the owner's initials, drawn at build time from the content file.
// Without an icon, browsers request /favicon.ico, get a 404 and log it as an error.
export const size = { width: 64, height: 64 };
export const contentType = "image/png";

export default function Icon() {
  const initials = portfolio.name
    .split(/\s+/)
    .map((word) => word[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return new ImageResponse(
    <div
      style={{
        ...FULL_FLEX_BOX,
        alignItems: "center",
        justifyContent: "center",
        borderRadius: 14,
        background: "#0b5cad",
        color: "#ffffff",
        fontSize: 32,
        fontWeight: 700,
      }}
    >
      {initials}
    </div>,
    size,
  );
}
