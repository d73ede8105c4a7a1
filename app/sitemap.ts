import type { MetadataRoute } from "next";
import { portfolio } from "@/lib/content";

// One page to index: the portfolio. The 404 and the download are not pages to list.
export default function sitemap(): MetadataRoute.Sitemap {
  return [{ url: `${portfolio.siteUrl}/`, changeFrequency: "monthly", priority: 1 }];
}
