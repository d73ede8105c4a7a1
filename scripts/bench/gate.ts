/**
 * `npm run bench:gate`: what the local AWS's IAM gate adds to each call the app makes.
 * The same DynamoDB UpdateItem (the counter's write) and S3 GetObject (the resume) go
 * straight to the emulators and through the gate, as the site role, in alternating
 * batches on one stack: per-call medians, and the ratio of gated to direct time last.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { RESUME_KEY } from "../../lib/resume/key";
import { startEmulators } from "../local-aws/emulators";
import { localResourceNames, REGION } from "../local-aws/environment";
import { createAuthorizer } from "../local-aws/gate/authorizer";
import { startGate } from "../local-aws/gate/server";
import { dynamoRules, s3Rules } from "../local-aws/gate/services";
import {
  heldRoles,
  localGrants,
  localIdentities,
  OWNER_CREDENTIALS,
  SITE_ROLE_CREDENTIALS,
} from "../local-aws/identities";
import { provision } from "../local-aws/provision";

const ROUNDS = 6;
const CALLS = 250;

const dataDir = mkdtempSync(path.join(tmpdir(), "portfolio-bench-gate-"));
const RESOURCE_NAMES = localResourceNames();
const identities = localIdentities(RESOURCE_NAMES, heldRoles(false), localGrants(RESOURCE_NAMES, REGION));
const emulators = await startEmulators(
  dataDir,
  identities.map((identity) => identity.credentials),
);
const authorizer = await createAuthorizer(identities);
const gates = {
  dynamo: await startGate(dynamoRules, authorizer, { handle: emulators.dynamoHandler }),
  s3: await startGate(s3Rules, authorizer, { port: () => emulators.s3Port }),
};
const url = (port: number) => `http://127.0.0.1:${port}`;
await provision(
  { AWS_ENDPOINT_URL_DYNAMODB: url(gates.dynamo.port), AWS_ENDPOINT_URL_S3: url(gates.s3.port) },
  RESOURCE_NAMES,
  OWNER_CREDENTIALS,
);

function clients(dynamoPort: number, s3Port: number) {
  const common = { region: REGION, credentials: SITE_ROLE_CREDENTIALS };
  const dynamo = new DynamoDBClient({ ...common, endpoint: url(dynamoPort) });
  const s3 = new S3Client({ ...common, endpoint: url(s3Port), forcePathStyle: true });
  return {
    dynamo,
    s3,
    update: () =>
      dynamo.send(
        new UpdateItemCommand({
          TableName: RESOURCE_NAMES.table,
          Key: { pk: { S: "bench-gate" }, sk: { S: "n" } },
          UpdateExpression: "ADD n :one",
          ExpressionAttributeValues: { ":one": { N: "1" } },
        }),
      ),
    get: async () => {
      const object = await s3.send(new GetObjectCommand({ Bucket: RESOURCE_NAMES.bucket, Key: RESUME_KEY }));
      await object.Body?.transformToByteArray();
    },
  };
}
const paths = {
  direct: clients(emulators.dynamoPort, emulators.s3Port),
  gate: clients(gates.dynamo.port, gates.s3.port),
};

/** Milliseconds for each of `CALLS` calls made one after another. */
async function timed(call: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const samples = {
  direct: { update: [] as number[], get: [] as number[] },
  gate: { update: [] as number[], get: [] as number[] },
};
try {
  // Warm both paths: connections, the SDK's first-call work, the gate's decision cache.
  for (const side of ["direct", "gate"] as const) {
    await timed(paths[side].update);
    await timed(paths[side].get);
  }
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating, and each side first in turn, so drifting machine load falls on both alike.
    const order = round % 2 === 0 ? (["direct", "gate"] as const) : (["gate", "direct"] as const);
    for (const side of order) {
      samples[side].update.push(...(await timed(paths[side].update)));
      samples[side].get.push(...(await timed(paths[side].get)));
    }
  }
  console.log(`${ROUNDS} alternating rounds of ${CALLS} calls per path, one at a time; medians per call`);
  for (const [name, key] of [
    ["DynamoDB UpdateItem", "update"],
    ["S3 GetObject      ", "get"],
  ] as const) {
    const direct = median(samples.direct[key]);
    const gated = median(samples.gate[key]);
    console.log(
      `${name}  direct ${direct.toFixed(2)} ms  through the gate ${gated.toFixed(2)} ms  (${gated >= direct ? "+" : "−"}${Math.abs(gated - direct).toFixed(2)} ms)`,
    );
  }
  const all = (side: "direct" | "gate") => [...samples[side].update, ...samples[side].get];
  console.log(
    `ratio gated/direct call time (median): ${(median(all("gate")) / median(all("direct"))).toFixed(2)}`,
  );
} finally {
  for (const side of Object.values(paths)) {
    side.dynamo.destroy();
    side.s3.destroy();
  }
  await Promise.all([gates.dynamo.stop(), gates.s3.stop()]);
  await emulators.close();
  rmSync(dataDir, { recursive: true, force: true });
}
