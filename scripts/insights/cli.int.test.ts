import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalAws, startLocalAws } from "../local-aws/stack";

const work = mkdtempSync(path.join(tmpdir(), "portfolio-insights-cli-"));
const dataDir = path.join(work, "data");

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs `npm run links` / `npm run stats` as package.json does, without the test's own SST links. */
function tool(script: "links" | "stats", args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOCAL_AWS_DATA_DIR: dataDir, PORT: "4321" };
  for (const name of Object.keys(env)) if (name.startsWith("SST_RESOURCE_")) delete env[name];
  // As package.json runs them (stats loads `server-only` as on AWS).
  const node = script === "links" ? [] : ["--conditions=react-server"];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...node, "--import", "tsx", `scripts/insights/${script}.ts`, ...args],
      { env, timeout: 60_000, encoding: "utf8" },
      (error: (Error & { code?: unknown }) | null, stdout: string, stderr: string) =>
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

// The tools find this running local AWS through its data folder, as they find `npm start`'s.
let stack: LocalAws;
beforeAll(async () => {
  stack = await startLocalAws({ dataDir });
});
afterAll(async () => {
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run links and npm run stats, against the running local AWS", () => {
  it("adds a link and prints the URL to share, lists it, refuses a duplicate, removes it", async () => {
    const added = await tool("links", ["add", "acme", "Acme,", "Staff", "Engineer"]);
    expect(added).toMatchObject({ status: 0 });
    expect(added.stdout).toContain(
      `Created "acme" (Acme, Staff Engineer) in the running local AWS (${dataDir})`,
    );
    expect(added.stdout.trim().split("\n").at(-1)).toBe("http://localhost:4321/?via=acme");
    expect((await tool("links", ["list"])).stdout).toMatch(
      /^acme\thttp:\/\/localhost:4321\/\?via=acme\t\d{4}-\d\d-\d\d\tAcme, Staff Engineer$/m,
    );
    const again = await tool("links", ["add", "acme", "other"]);
    expect(again).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('The link "acme" exists already'),
    });

    const stats = await tool("stats", ["--json", "--days", "7"]);
    expect(stats.status).toBe(0);
    const report = JSON.parse(stats.stdout) as {
      days: unknown[];
      links: { tag: string; visitors: number }[];
    };
    expect(report.days).toHaveLength(7);
    expect(report.links).toEqual([
      expect.objectContaining({ tag: "acme", visitors: 0, url: "http://localhost:4321/?via=acme" }),
    ]);

    expect(await tool("links", ["remove", "acme"])).toMatchObject({ status: 0 });
    expect((await tool("links", ["list"])).stdout).toContain("No links in");
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    expect(await tool("links", ["add", "Not A Tag"])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('"Not A Tag" is not a tag'),
    });
    expect(await tool("links", ["remove", "missing"])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('There is no link "missing"'),
    });
    expect(await tool("links", ["rename"])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("usage:"),
    });
    expect(await tool("stats", ["--days", "0"])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--days must be a whole number from 1 to 366"),
    });
    expect(await tool("stats", ["--weeks", "2"])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("usage:"),
    });
    expect((await tool("links", ["list"])).stdout).toContain("No links in");
  });
});
