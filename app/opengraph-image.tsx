import { SHARE_CARD_SIZE, renderShareCard } from "@/components/og/share-card";
import { portfolio } from "@/lib/content";

export const alt = `${portfolio.name}: ${portfolio.headline}`;
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export default function OpenGraphImage() {
  return renderShareCard(portfolio);
}
