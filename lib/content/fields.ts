import { z } from "zod";

// The building blocks of the content schema, each with a message a person editing
// the content file can act on. They only check, never change a value: the production
// server uses the content file as written (lib/content/index.ts says why).

export const text = z
  .string()
  .regex(/\S/, "must not be empty")
  .refine((value) => value === value.trim(), "must not start or end with spaces");

export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a year and month like 2024-03");

export const year = z.number().int().min(1900).max(2100);

export const link = z.object({
  label: text,
  url: z.url({ protocol: /^(https?|mailto)$/, error: "must be an http(s) or mailto URL" }),
});

/**
 * Where the site lives: the canonical URL, Open Graph URLs, the sitemap and robots.txt
 * are all built from it. Only an origin, written as the browser writes it: a path,
 * query, fragment or trailing slash would make every derived URL wrong.
 */
export const siteUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL like https://jane.dev" })
  .refine(
    // zod runs this even when the URL check above failed; that failure is already reported.
    (value) => !URL.canParse(value) || new URL(value).origin === value,
    "must be the site's origin only, like https://jane.dev (no path, trailing slash, query or #)",
  );

/**
 * A picture in public/, shown with next/image. Width and height are the file's own
 * pixel size: next/image needs them to reserve the space, so nothing shifts.
 */
export const image = z.object({
  src: z
    .string()
    .regex(
      /^\/[A-Za-z0-9/_.-]+\.(png|jpe?g|webp|avif)$/,
      "must be a path under public/, starting with / and ending in .png, .jpg, .webp or .avif",
    ),
  alt: text,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
