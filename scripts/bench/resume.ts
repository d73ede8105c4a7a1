/**
 * `npm run bench:resume`: streams a 50 MB resume through `next start` and reports the
 * server's memory growth and the throughput, against reading the same object straight
 * from the S3 emulator in the same run. Prints each figure, the ratio last.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { RESUME_KEY } from "../../lib/resume/key";
import { startSite } from "./site-server";

const SIZE = 50 * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MB = 1024 * 1024;

function memoryKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  if (!line) throw new Error(`no ${field} for pid ${pid}`);
  return Number(line[1]);
}

async function drain(stream: AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.byteLength;
  return bytes;
}

async function timed(read: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const bytes = await read();
  if (bytes !== SIZE) throw new Error(`read ${bytes} bytes, expected ${SIZE}`);
  return SIZE / MB / ((performance.now() - started) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Stream everything: no redirect to S3 for this size.
const site = await startSite({ RESUME_REDIRECT_ABOVE: String(10 * SIZE) });
try {
  const bucket = JSON.parse(site.env.SST_RESOURCE_Resume!).name as string;
  const s3 = new S3Client({
    region: site.env.AWS_REGION,
    endpoint: site.env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
    // The owner uploads; the site role may only read the resume.
    credentials: site.localAws.credentials.owner,
  });
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: RESUME_KEY,
      Body: Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(SIZE - 9)]),
      ContentType: "application/pdf",
    }),
  );

  // Both sides read with Node's http client (the SDK uses it too), so only the path differs.
  const viaRoute = () =>
    new Promise<IncomingMessage>((resolve, reject) =>
      get(`${site.url}/resume/download`, resolve).on("error", reject),
    ).then(drain);
  const direct = () =>
    s3
      .send(new GetObjectCommand({ Bucket: bucket, Key: RESUME_KEY }))
      .then((object) => drain(object.Body as AsyncIterable<Uint8Array>));

  await timed(viaRoute); // warm-up: first request loads the route's code
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rssBefore = memoryKb(site.pid, "VmRSS");
  const routeRates: number[] = [];
  const directRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    routeRates.push(await timed(viaRoute));
    directRates.push(await timed(direct));
  }
  const growthMb = (memoryKb(site.pid, "VmHWM") - rssBefore) / 1024;

  console.log(`object: ${SIZE / MB} MB; ${ROUNDS} rounds, medians, route and direct alternating`);
  console.log(
    `server RSS before: ${(rssBefore / 1024).toFixed(1)} MB; peak growth while streaming: ${growthMb.toFixed(1)} MB (limit 30)`,
  );
  console.log(`through /resume/download: ${median(routeRates).toFixed(0)} MB/s`);
  console.log(`direct from the S3 emulator: ${median(directRates).toFixed(0)} MB/s`);
  console.log(`ratio route/direct throughput: ${(median(routeRates) / median(directRates)).toFixed(2)}`);
  s3.destroy();
} finally {
  await site.stop();
}
