import { randomBytes } from "node:crypto";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { Resource } from "sst";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEAD_ENDPOINT, pointAt } from "@/test/support/endpoint";
import { ownerS3 } from "@/test/support/owner-clients";
import { RESUME_KEY } from "./key";

// Set-up writes and deletes the resume as the owner; the code under test reads as the site role.
const s3 = ownerS3();

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function readStoredResume(): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: Resource.Resume.name, Key: RESUME_KEY }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

async function putStoredResume(body: Buffer): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: Resource.Resume.name, Key: RESUME_KEY, Body: body }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("streamResume against the S3 emulator", () => {
  it("streams the stored object byte for byte, with its length", async () => {
    // Several MB, so the body arrives in many chunks rather than one buffer.
    const stored = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(3 * 1024 * 1024)]);
    const original = await readStoredResume();
    await putStoredResume(stored);
    try {
      const { streamResume } = await import("./storage");
      const { body, contentLength } = await streamResume();
      expect(contentLength).toBe(stored.length);
      const received = await readAll(body);
      expect(received.equals(stored)).toBe(true);
    } finally {
      await putStoredResume(original);
    }
  });

  it("maps a missing object to a 404 ResumeError", async () => {
    const original = await readStoredResume();
    await s3.send(new DeleteObjectCommand({ Bucket: Resource.Resume.name, Key: RESUME_KEY }));
    try {
      const { streamResume, ResumeError } = await import("./storage");
      const error = await streamResume().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResumeError);
      expect(error).toMatchObject({ status: 404, message: "No resume has been uploaded yet." });
    } finally {
      await putStoredResume(original);
    }
  });

  it("maps an unreachable S3 to a 503 ResumeError and logs it", async () => {
    pointAt("S3", DEAD_ENDPOINT);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { streamResume, ResumeError } = await import("./storage");
    const error = await streamResume().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResumeError);
    expect(error).toMatchObject({ status: 503 });
    expect(logged).toHaveBeenCalledWith("[resume] storage unavailable:", expect.anything());
  });
});
