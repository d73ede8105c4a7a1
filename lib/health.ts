import "server-only";
import { ResumeError, statResume } from "./resume/storage";
import { pingTable } from "./visits/reads";

// A health check must answer fast even when a dependency hangs: each probe is cut off
// after 1 s (the SDK's own timeouts and retry would allow about 2 s).
const PROBE_TIMEOUT_MS = 1_000;

type Status = "ok" | "unavailable";
/** `resume` only for S3: whether resume.pdf is there (a missing one is still a reachable S3). */
export type DependencyHealth = { status: Status; latencyMs: number; resume?: "present" | "missing" };
export type Health = { status: Status; dependencies: { dynamodb: DependencyHealth; s3: DependencyHealth } };

async function probe(
  name: string,
  run: (signal: AbortSignal) => Promise<Pick<DependencyHealth, "resume">>,
): Promise<DependencyHealth> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  try {
    const found = await run(AbortSignal.timeout(PROBE_TIMEOUT_MS));
    return { status: "ok", latencyMs: latencyMs(), ...found };
  } catch (error) {
    // The reason goes to the logs only; the public answer says just "unavailable".
    console.error(`[health] ${name} unavailable:`, error);
    return { status: "unavailable", latencyMs: latencyMs() };
  }
}

/**
 * How long one instance reuses a result, and CloudFront may share it (`s-maxage`). The
 * route is public and each check costs two AWS calls: with this, requests to one
 * instance cost at most two calls per 5 s however many arrive, and an outage shows
 * within about 10 s (5 s at the edge, 5 s here).
 */
export const HEALTH_REUSE_SECONDS = 5;

let latest: { startedAt: number; health: Promise<Health> } | undefined;

/** The latest check if it started less than HEALTH_REUSE_SECONDS ago (still running or done), else a new one. */
export function currentHealth(now = Date.now()): Promise<Health> {
  if (!latest || now - latest.startedAt >= HEALTH_REUSE_SECONDS * 1000) {
    latest = { startedAt: now, health: checkHealth() };
  }
  return latest.health;
}

/** Whether DynamoDB and S3 answer, each within 1 s, checked side by side. */
export async function checkHealth(): Promise<Health> {
  const [dynamodb, s3] = await Promise.all([
    probe("dynamodb", async (signal) => (await pingTable(signal), {})),
    probe("s3", async (signal) => {
      try {
        await statResume(signal);
        return { resume: "present" as const };
      } catch (error) {
        // S3 answered that the object is missing: reachable, nothing uploaded yet.
        if (error instanceof ResumeError && error.status === 404) return { resume: "missing" as const };
        throw error;
      }
    }),
  ]);
  const healthy = dynamodb.status === "ok" && s3.status === "ok";
  return { status: healthy ? "ok" : "unavailable", dependencies: { dynamodb, s3 } };
}
