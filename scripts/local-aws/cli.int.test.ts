import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { DynamoDBClient, ListTablesCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-cli-test-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function portAccepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
      .once("connect", () => {
        socket.destroy();
        resolve(true);
      })
      .once("error", () => resolve(false));
  });
}

describe("npm run local-aws", () => {
  it("prints export lines a shell can eval, with every identity's keys, serves until SIGINT, then stops everything", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/local-aws/cli.ts"], {
      env: { ...process.env, LOCAL_AWS_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      if (line === "# ready") break;
      lines.push(line);
    }
    const exports = lines.filter((line) => !line.startsWith("#"));
    expect(exports.length).toBeGreaterThanOrEqual(12);
    for (const line of exports) expect(line).toMatch(/^export [A-Za-z0-9_]+='.*'$/);

    // A real shell reads them back unchanged, JSON quotes included.
    const shell = spawnSync("bash", ["-c", `${lines.join("\n")}\nprintf '%s' "$SST_RESOURCE_App"`]);
    expect(JSON.parse(shell.stdout.toString())).toMatchObject({ name: "serverless-portfolio" });

    const env = Object.fromEntries(exports.map((line) => line.match(/^export ([^=]+)='(.*)'$/)!.slice(1, 3)));
    const as = (accessKeyId = "", secretAccessKey = "") =>
      new DynamoDBClient({
        region: env.AWS_REGION,
        endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
        credentials: { accessKeyId, secretAccessKey },
      });
    // The app's keys are the site role's: it may count, not list tables.
    expect(env.AWS_ACCESS_KEY_ID).toBe(env.LOCAL_AWS_SITE_ACCESS_KEY_ID);
    const site = as(env.LOCAL_AWS_SITE_ACCESS_KEY_ID, env.LOCAL_AWS_SITE_SECRET_ACCESS_KEY);
    const table = JSON.parse(env.SST_RESOURCE_Visits!).name as string;
    await site.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: { S: "cli-test" }, sk: { S: "n" } },
        UpdateExpression: "ADD n :one",
        ExpressionAttributeValues: { ":one": { N: "1" } },
      }),
    );
    await expect(site.send(new ListTablesCommand({}))).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
    const owner = as(env.LOCAL_AWS_OWNER_ACCESS_KEY_ID, env.LOCAL_AWS_OWNER_SECRET_ACCESS_KEY);
    const { TableNames } = await owner.send(new ListTablesCommand({}));
    expect(TableNames).toContain(table);
    expect(TableNames).toContain(JSON.parse(env.SST_RESOURCE_Messages!).name);
    site.destroy();
    owner.destroy();
    // Each function's keys beside them, named after its role.
    for (const role of ["CONTACT_API", "CONTACT_RETRY", "DIGEST"]) {
      expect(env[`LOCAL_AWS_${role}_ACCESS_KEY_ID`]).toMatch(/^ASIA[A-Z0-9]{16}$/);
      expect(env[`LOCAL_AWS_${role}_SECRET_ACCESS_KEY`]).toBeTruthy();
    }
    // Where to read the mail the app sends: the SES emulator's own page, through the gate.
    await expect
      .poll(() => stderr)
      .toContain(`Read the mail the app sends at ${env.AWS_ENDPOINT_URL_SESV2}/`);
    expect((await fetch(`${env.AWS_ENDPOINT_URL_SESV2}/`)).headers.get("content-type")).toMatch(/text\/html/);

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(await portAccepts(env.AWS_ENDPOINT_URL_DYNAMODB!)).toBe(false);
    expect(await portAccepts(env.AWS_ENDPOINT_URL_S3!)).toBe(false);
    expect(await portAccepts(env.AWS_ENDPOINT_URL_SESV2!)).toBe(false);
  });
});
