import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * GET /api/health: 200 when DynamoDB and S3 both answer, 503 when either does not, with
 * a status per dependency. Never cached (a stale "ok" would hide an outage), never counted.
 */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
