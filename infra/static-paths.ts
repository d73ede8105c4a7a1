// Paths CloudFront serves from S3 without the server: Next's hashed build files and
// `public/` (only `images/`; an infra test checks every top-level entry of public/ is
// here). A page view loads 10 of them (docs/deploy.md). No Pulumi globals here:
// tests import it.
export const STATIC_PATH_PREFIXES = ["/_next/static/", "/images/"] as const;
