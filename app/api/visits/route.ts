import { readVisitSummary } from "@/lib/visits";

export const dynamic = "force-dynamic";

/** GET /api/visits: the live totals as JSON. Reading counts nothing. */
export async function GET(): Promise<Response> {
  try {
    const summary = await readVisitSummary();
    // Browsers always revalidate; a CDN may share one answer among pollers for 5 s.
    return Response.json(summary, { headers: { "Cache-Control": "public, max-age=0, s-maxage=5" } });
  } catch (error) {
    console.error("[visits] summary unavailable:", error);
    return Response.json(
      { error: "Visit counts are temporarily unavailable." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "10" } },
    );
  }
}
