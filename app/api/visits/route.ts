import { observeRequest } from "@/lib/observability/request-log";
import { readVisitSummary } from "@/lib/visits/reads";

export const dynamic = "force-dynamic";

/** GET /api/visits: the live totals as JSON. Reading counts nothing. */
export async function GET(request: Request): Promise<Response> {
  const finish = observeRequest("/api/visits", "CounterLatency", request.headers);
  try {
    const summary = await readVisitSummary();
    finish({ outcome: "ok", status: 200, metrics: { CounterErrors: 0 } });
    // Browsers always revalidate; a CDN may share one answer among pollers for 5 s.
    return Response.json(summary, { headers: { "Cache-Control": "public, max-age=0, s-maxage=5" } });
  } catch (error) {
    console.error("[visits] summary unavailable:", error);
    finish({ outcome: "unavailable", status: 503, metrics: { CounterErrors: 1 } });
    return Response.json(
      { error: "Visit counts are temporarily unavailable." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "10" } },
    );
  }
}
