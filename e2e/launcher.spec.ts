import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { issueFormToken } from "../lib/contact/form-token";
import { mailsContaining } from "../test/support/ses-inbox";

// These start their own copies of the site beside the one Playwright's webServer runs,
// each with its own free ports and data folder.
test.describe.configure({ timeout: 120_000 });

function freePortUrl(): Promise<string> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(`http://127.0.0.1:${port}`));
    });
  });
}

function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts `npm <script>` in its own process group, as a terminal would, and collects its output. */
function launch(script: string, siteUrl: string, dataDir: string) {
  const child = spawn("npm", script === "start" ? ["start"] : ["run", script], {
    env: { ...process.env, PORT: new URL(siteUrl).port, LOCAL_AWS_DATA_DIR: dataDir },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** Ctrl-C in a terminal signals the whole foreground process group. */
async function pressCtrlC(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGINT");
  await exited;
}

for (const script of ["start", "dev"]) {
  test(`npm ${script === "start" ? "start" : "run dev"} serves the site on PORT with its own local AWS, and Ctrl-C stops it all`, async ({
    request,
  }) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), `portfolio-${script}-`));
    const siteUrl = await freePortUrl();
    const { child, output } = launch(script, siteUrl, dataDir);
    try {
      await expect
        .poll(() => output(), { timeout: 90_000, message: "launcher reports local AWS" })
        .toMatch(/Local AWS ready/);
      const [, dynamoUrl, s3Url] = output().match(/DynamoDB (http:\S+), S3 (http:\S+)/) ?? [];
      expect(dynamoUrl && s3Url).toBeTruthy();
      const mailUrl = output().match(/Mail the site sends \(contact messages, digests\): (http:\S+)\//)?.[1];
      expect(mailUrl).toBeTruthy();

      await expect.poll(() => accepts(siteUrl), { timeout: 90_000 }).toBe(true);
      // A HEAD counts nothing but has `next dev` compile the page: on a busy machine the
      // first compile can hold the event loop past the counter's 1 s DynamoDB timeouts.
      await request.head(`${siteUrl}/`, { timeout: 90_000 });
      const page = await request.get(`${siteUrl}/`, { timeout: 60_000 });
      expect(page.status()).toBe(200);
      // A fresh data folder: this copy counts from one, independent of any other copy.
      expect(await page.text()).toMatch(/<data value="1">1<\/data>/);
      // POST /api/contact reaches the contact function through the API Gateway adapter,
      // and its mail the SES emulator. (A form served 10 s ago, signed with this copy's key.)
      const key = readFileSync(path.join(dataDir, "contact-form-key"), "utf8").trim();
      const marker = randomUUID();
      const sent = await request.post(`${siteUrl}/api/contact`, {
        headers: { Accept: "application/json" },
        form: {
          name: "Ada",
          email: "ada@example.org",
          message: marker,
          formToken: issueFormToken(key, Date.now() - 10_000),
        },
        timeout: 60_000,
      });
      expect(await sent.json()).toMatchObject({ status: "sent" });
      expect(await mailsContaining(mailUrl!, marker)).toHaveLength(1);

      await pressCtrlC(child);
      for (const url of [siteUrl, dynamoUrl!, s3Url!, mailUrl!]) expect(await accepts(url), url).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

/** This machine's addresses other people on its network could reach. */
const externalAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal && address.family === "IPv4")
    .map((address) => address!.address);

test("the site listens on loopback only, unless HOST asks for more", async () => {
  // The server the launcher runs, on the production build the webServer made; the local
  // AWS does not matter to whether a connection is accepted.
  const serve = async (env: Record<string, string>) => {
    const port = new URL(await freePortUrl()).port;
    const child = spawn(process.execPath, ["scripts/dev/next-server.mjs", "start"], {
      env: { ...process.env, ...env, PORT: port },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    await expect.poll(() => output, { timeout: 60_000 }).toMatch(/ready on/);
    return { port, output, child };
  };
  const external = externalAddresses();
  test.skip(external.length === 0, "no network interface besides loopback to try from");

  const loopback = await serve({});
  try {
    expect(loopback.output).toContain("listening on 127.0.0.1");
    expect(await accepts(`http://127.0.0.1:${loopback.port}`)).toBe(true);
    for (const address of external)
      expect(await accepts(`http://${address}:${loopback.port}`), address).toBe(false);
  } finally {
    loopback.child.kill("SIGTERM");
  }

  const everywhere = await serve({ HOST: "0.0.0.0" });
  try {
    for (const address of external)
      expect(await accepts(`http://${address}:${everywhere.port}`), address).toBe(true);
  } finally {
    everywhere.child.kill("SIGTERM");
  }
});
