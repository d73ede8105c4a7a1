import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { Resource } from "sst";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEAD_ENDPOINT, pointAt } from "@/test/support/endpoint";
import { ownerS3 } from "@/test/support/owner-clients";
import { RESUME_KEY } from "./resume/key";
import { readVisitSummary } from "./visits/reads";

const s3 = ownerS3();
const SHARED_FOR_5_S = "public, max-age=0, s-maxage=5";

// The route keeps its latest check in the module: each test imports a fresh copy (endpoint.ts resets modules).
const route = () => import("@/app/api/health/route");

describe("GET /api/health against the emulators", () => {
  it("answers 200 with each dependency ok, shared by caches for 5 s, and counts nothing", async () => {
    const before = await readVisitSummary();
    const response = await (await route()).GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe(SHARED_FOR_5_S);
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
      const response = await (await route()).GET();
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
      const { GET } = await route();
      const started = Date.now();
      const response = await GET();
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe(SHARED_FOR_5_S);
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
      const { GET } = await route();
      const started = Date.now();
      const response = await GET();
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("GET /api/health hammered", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("answers any number of requests within 5 s from one check (two AWS calls), then checks again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { GET } = await route();
    const { dynamo } = await import("./visits/table");
    const storage = await import("./resume/storage");
    const dynamoCalls = vi.spyOn(dynamo, "send");
    const s3Calls = vi.spyOn(storage.s3, "send");

    const answers = await Promise.all(Array.from({ length: 20 }, () => GET()));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    vi.setSystemTime(Date.now() + 4_900);
    expect((await GET()).status).toBe(200);
    expect([dynamoCalls.mock.calls.length, s3Calls.mock.calls.length]).toEqual([1, 1]);

    vi.setSystemTime(Date.now() + 200);
    expect((await GET()).status).toBe(200);
    expect([dynamoCalls.mock.calls.length, s3Calls.mock.calls.length]).toEqual([2, 2]);
  });
});
