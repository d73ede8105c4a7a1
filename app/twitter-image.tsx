import { SHARE_CARD_SIZE, renderShareCard } from "@/components/og/share-card";
import { portfolio } from "@/lib/content";

// Next needs these exports in this very file (it reads them statically), so they are
// not re-exported from opengraph-image.tsx.
export const alt = `${portfolio.name}: ${portfolio.headline}`;
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export default function TwitterImage() {
  return renderShareCard(portfolio);
}
