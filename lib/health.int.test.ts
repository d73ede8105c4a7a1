import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { Resource } from "sst";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEAD_ENDPOINT, pointAt } from "@/test/support/endpoint";
import { ownerS3 } from "@/test/support/owner-clients";
import { GET } from "@/app/api/health/route";
import { RESUME_KEY } from "./resume/key";
import { readVisitSummary } from "./visits/reads";

const s3 = ownerS3();

describe("GET /api/health against the emulators", () => {
  it("answers 200 with each dependency ok, never cached, and counts nothing", async () => {
    const before = await readVisitSummary();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ok",
      dependencies: {
        dynamodb: { status: "ok", latencyMs: expect.any(Number) },
        s3: { status: "ok", latencyMs: expect.any(Number), resume: "present" },
      },
    });
    expect(await readVisitSummary()).toEqual(before);
  });

  it("still calls S3 reachable when no resume has been uploaded", async () => {
    const bucket = Resource.Resume.name;
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
    const stored = await object.Body!.transformToByteArray();
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
    try {
      const response = await GET();
      expect(response.status).toBe(200);
      expect((await response.json()).dependencies.s3).toMatchObject({ status: "ok", resume: "missing" });
    } finally {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: RESUME_KEY, Body: stored }));
    }
  });
});

describe("GET /api/health with a dependency down", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(["DYNAMODB", "S3"] as const)(
    "answers 503 within a second or so when %s is unreachable",
    async (name) => {
      pointAt(name, DEAD_ENDPOINT);
      vi.spyOn(console, "error").mockImplementation(() => {});
      const route = await import("@/app/api/health/route");
      const started = Date.now();
      const response = await route.GET();
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await response.json();
      expect(body.status).toBe("unavailable");
      const down = name === "DYNAMODB" ? "dynamodb" : "s3";
      const up = name === "DYNAMODB" ? "s3" : "dynamodb";
      expect(body.dependencies[down].status).toBe("unavailable");
      expect(body.dependencies[up].status).toBe("ok");
    },
  );

  it("gives up on a dependency that accepts the connection but never answers, after 1 s", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => {}); // reads the request, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as import("node:net").AddressInfo;
    pointAt("DYNAMODB", `http://127.0.0.1:${port}`);
    vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const route = await import("@/app/api/health/route");
      const started = Date.now();
      const response = await route.GET();
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
