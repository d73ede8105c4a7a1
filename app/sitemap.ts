import type { MetadataRoute } from "next";
import { portfolio } from "@/lib/content";

// The portfolio and its privacy page. The 404 and the download are not pages to list.
export default function sitemap(): MetadataRoute.Sitemap {
  return [
    { url: `${portfolio.siteUrl}/`, changeFrequency: "monthly", priority: 1 },
    { url: `${portfolio.siteUrl}/privacy`, changeFrequency: "yearly", priority: 0.3 },
  ];
}
