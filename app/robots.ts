import type { MetadataRoute } from "next";
import { portfolio } from "@/lib/content";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/" },
    sitemap: `${portfolio.siteUrl}/sitemap.xml`,
  };
}
