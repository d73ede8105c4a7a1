import { currentHealth, HEALTH_REUSE_SECONDS } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * GET /api/health: 200 when DynamoDB and S3 both answer, 503 when either does not, with
 * a status per dependency. Public, so cheap to hammer: each instance reuses its latest
 * check for a few seconds and CloudFront may share the answer as long (browsers always
 * ask again); a stale "ok" is at most about 10 s old. Never counted as a visit.
 */
export async function GET(): Promise<Response> {
  const health = await currentHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": `public, max-age=0, s-maxage=${HEALTH_REUSE_SECONDS}` },
  });
}
