import { z } from "zod";
import { image, link, siteUrl, text, year, yearMonth } from "./fields";

const role = z
  .object({
    company: text,
    title: text,
    location: text.optional(),
    start: yearMonth,
    end: z.union([yearMonth, z.literal("present")]),
    highlights: z.array(text).min(1, "list at least one highlight"),
  })
  .refine((r) => r.end === "present" || r.end >= r.start, {
    message: "end must not be before start",
    path: ["end"],
  });

const project = z.object({
  title: text,
  description: text,
  technologies: z.array(text).min(1, "list at least one technology"),
  links: z.array(link).optional(),
  image: image.optional(),
});

const certification = z.object({
  name: text,
  issuer: text,
  year,
  url: link.shape.url.optional(),
});

export const portfolioSchema = z.object({
  siteUrl,
  name: text,
  headline: text,
  location: text,
  availability: text.optional(),
  summary: text,
  about: z.array(text).min(1, "write at least one paragraph"),
  experience: z.array(role).min(1, "list at least one role"),
  projects: z.array(project),
  skills: z.array(z.object({ group: text, items: z.array(text).min(1) })),
  education: z.array(z.object({ school: text, degree: text, year })).optional(),
  certifications: z.array(certification).optional(),
  contact: z.object({ email: z.email("must be an email address"), links: z.array(link) }),
  resume: z.object({
    // Sent in Content-Disposition (RFC 6266/8187 encoding handles non-ASCII names), so
    // it only has to be a plain file name: no folders, quotes or control characters.
    fileName: z
      .string()
      .max(120)
      .regex(
        /^[^\\/"\p{Cc}]+\.pdf$/u,
        'must be a plain file name ending in .pdf (no / \\ " or control characters)',
      ),
  }),
});

export type PortfolioInput = z.input<typeof portfolioSchema>;
export type Portfolio = z.output<typeof portfolioSchema>;
export type Role = Portfolio["experience"][number];
export type Project = Portfolio["projects"][number];
export type Certification = NonNullable<Portfolio["certifications"]>[number];

/** Parses content, or throws an error whose message names every bad field. */
export function parsePortfolio(input: unknown, source: string): Portfolio {
  const result = portfolioSchema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`Invalid portfolio content in ${source}:\n${z.prettifyError(result.error)}`);
}
