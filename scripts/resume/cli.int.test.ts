import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portfolio } from "../../lib/content";
import { RESUME_KEY } from "../../lib/resume/key";
import { type LocalAws, startLocalAws } from "../local-aws/stack";
import { renderSampleResume } from "../local-aws/sample-resume";

const work = mkdtempSync(path.join(tmpdir(), "portfolio-resume-cli-"));
const dataDir = path.join(work, "data");
const file = (name: string, content: Buffer | string) => {
  writeFileSync(path.join(work, name), content);
  return path.join(work, name);
};

type Run = { status: number | null; stdout: string; stderr: string };

/**
 * Runs the tool as a user would, without the test's own SST links. Asynchronously:
 * the local AWS it talks to runs in this very process.
 */
function resume(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOCAL_AWS_DATA_DIR: dataDir, ...env };
  for (const name of Object.keys(childEnv)) {
    if (name.startsWith("SST_RESOURCE_") && !(name in env)) delete childEnv[name];
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/resume/cli.ts", ...args],
      {
        env: childEnv,
        timeout: 60_000,
        encoding: "utf8",
      },
      (error: (Error & { code?: unknown }) | null, stdout: string, stderr: string) =>
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

let stack: LocalAws;
let s3: S3Client;
let bucket: string;
let first: Buffer;
let second: Buffer;

async function current(): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
  expect(object.ContentType).toBe("application/pdf");
  return Buffer.from(await object.Body!.transformToByteArray());
}

beforeAll(async () => {
  first = await renderSampleResume({ ...portfolio, name: "First Version" });
  second = await renderSampleResume({ ...portfolio, name: "Second Version" });
  stack = await startLocalAws({ dataDir });
  bucket = JSON.parse(stack.env.SST_RESOURCE_Resume!).name;
  s3 = new S3Client({
    region: stack.env.AWS_REGION,
    endpoint: stack.env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
    credentials: stack.credentials.owner,
  });
});
afterAll(async () => {
  s3.destroy();
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run resume, against the running local AWS", () => {
  it("uploads a real PDF as the current resume", async () => {
    const run = await resume(["upload", file("first.pdf", first)]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Uploaded .*first\.pdf .* to the running local AWS .* as version \w+/);
    expect(run.stderr).toMatch(/uploading .*first\.pdf: 100%/);
    expect((await current()).equals(first)).toBe(true);
  });

  it.each([
    ["a missing file", () => path.join(work, "missing.pdf"), {}, /No such file/],
    ["a text file", () => file("notes.pdf", "just text"), {}, /is not a PDF: it does not start with %PDF-/],
    ["a corrupt PDF", () => file("broken.pdf", "%PDF-1.7\nnot really"), {}, /is not a readable PDF/],
    [
      "a file over the size limit",
      () => file("big.pdf", first),
      { RESUME_MAX_BYTES: "1000" },
      /the limit is 1\.0 KB/,
    ],
  ] as const)(
    "refuses %s with a clear message and keeps the current resume",
    async (_, make, env, message) => {
      const before = await current();
      const run = await resume(["upload", make()], env);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect((await current()).equals(before)).toBe(true);
    },
  );

  it("lists versions with dates and sizes, and restores an old one", async () => {
    expect((await resume(["upload", file("second.pdf", second)])).status).toBe(0);
    const listed = await resume(["list"]);
    expect(listed.status).toBe(0);
    const rows = listed.stdout
      .split("\n")
      .filter((line: string) => /^\w+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(3); // the seeded sample, first, second
    expect(rows[0]).toMatch(/\(current\)$/);
    expect(rows[0]).toContain(`${(second.length / 1024).toFixed(1)} KB`);
    const firstVersion = rows[1]!.split(/\s+/)[0]!;

    const restored = await resume(["restore", firstVersion]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`Restored version ${firstVersion}`);
    expect((await current()).equals(first)).toBe(true);
    expect((await resume(["list"])).stdout.split("\n")[1]).toMatch(/\(current\)$/);
  });

  it("says so when a version does not exist", async () => {
    const run = await resume(["restore", "no-such-version"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/There is no version no-such-version of resume\.pdf/);
  });

  it("prints usage for an unknown command", async () => {
    const run = await resume(["delete"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run resume -- upload <file\.pdf>/);
  });
});

describe("npm run resume, elsewhere", () => {
  it("starts the local AWS itself when none is running, and leaves the upload in the data folder", async () => {
    const ownDir = path.join(work, "own");
    const run = await resume(["upload", file("own.pdf", second)], { LOCAL_AWS_DATA_DIR: ownDir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`to the local AWS in ${ownDir}`);
    const later = await startLocalAws({ dataDir: ownDir });
    try {
      const client = new S3Client({
        region: later.env.AWS_REGION,
        endpoint: later.env.AWS_ENDPOINT_URL_S3,
        forcePathStyle: true,
        credentials: later.credentials.owner,
      });
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }));
      expect(Buffer.from(await object.Body!.transformToByteArray()).equals(second)).toBe(true);
      client.destroy();
    } finally {
      await later.stop();
    }
  });

  it("explains a missing bucket", async () => {
    // As under `sst shell`: the owner's own credentials, and the links.
    const run = await resume(["list"], {
      SST_RESOURCE_Resume: JSON.stringify({ name: "not-deployed-yet" }),
      AWS_ENDPOINT_URL_S3: stack.env.AWS_ENDPOINT_URL_S3!,
      AWS_ACCESS_KEY_ID: stack.credentials.owner.accessKeyId,
      AWS_SECRET_ACCESS_KEY: stack.credentials.owner.secretAccessKey,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/The bucket not-deployed-yet does not exist: deploy first/);
  });

  it("finds the linked bucket when SST passes links as one SST_RESOURCES_JSON (Windows)", async () => {
    const run = await resume(["list"], {
      SST_RESOURCES_JSON: JSON.stringify({
        App: { name: "serverless-portfolio", stage: "me" },
        Resume: { name: "not-deployed-yet" },
      }),
      AWS_ENDPOINT_URL_S3: stack.env.AWS_ENDPOINT_URL_S3!,
      AWS_ACCESS_KEY_ID: stack.credentials.owner.accessKeyId,
      AWS_SECRET_ACCESS_KEY: stack.credentials.owner.secretAccessKey,
    });
    // Not the running local AWS's bucket: the one the link names.
    expect(run.stderr).toMatch(/The bucket not-deployed-yet does not exist/);
    expect(run.status).toBe(1);
  });
});
