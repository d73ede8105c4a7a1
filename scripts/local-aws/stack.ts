import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type Server, Server as NodeHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from "@aws-sdk/client-dynamodb";
import {
  CreateBucketCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import dynalite from "dynalite";
import S3rver from "s3rver";
import { portfolio } from "../../lib/content";
import { RESUME_KEY } from "../../lib/resume-object";
import { dataDirInUse, lockDataDir } from "./data-dir-lock";
import { s3Versioning } from "./s3-versioning";
import { renderSampleResume } from "./sample-resume";

// The SDK versions pinned in package-lock.json support Node 20; its warning concerns
// future releases and would repeat in every process and build worker started from here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const APP_NAME = "serverless-portfolio";
const STAGE = "local";
const REGION = "us-east-1";
// s3rver only accepts requests signed with its built-in account's key.
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type LocalAws = {
  /** The variables `sst dev` would give the app, pointed at the emulators. */
  env: Record<string, string>;
  stop: () => Promise<void>;
  /**
   * Stop or restart one emulator on the same port and data folder, for fault tests:
   * the app keeps its endpoints and sees the dependency go away and come back.
   */
  stopDynamo: () => Promise<void>;
  startDynamo: () => Promise<void>;
  stopS3: () => Promise<void>;
  startS3: () => Promise<void>;
};

export type LocalAwsOptions = { dataDir: string };

export const runningEnvFile = (dataDir: string) => path.join(dataDir, "local-aws.env.json");

/** The environment of the local AWS running on this data folder, if one is. */
export function runningLocalAws(dataDir: string): Record<string, string> | undefined {
  if (!existsSync(runningEnvFile(dataDir)) || !dataDirInUse(dataDir)) return undefined;
  return JSON.parse(readFileSync(runningEnvFile(dataDir), "utf8")) as Record<string, string>;
}

/** True when `sst dev` (or a deployed function) already provides the real resources. */
export function sstLinksPresent(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SST_RESOURCE_App || env.SST_KEY_FILE);
}

export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.LOCAL_AWS_DATA_DIR ?? ".data");
}

/** Starts DynamoDB and S3 emulators on free loopback ports, with the table, bucket and sample resume in place. */
export async function startLocalAws({ dataDir }: LocalAwsOptions): Promise<LocalAws> {
  mkdirSync(path.join(dataDir, "dynamodb"), { recursive: true });
  mkdirSync(path.join(dataDir, "s3"), { recursive: true });
  const unlock = lockDataDir(dataDir);

  const dynamoServer: Server = dynalite({ path: path.join(dataDir, "dynamodb"), createTableMs: 0 });
  const newS3Server = (port: number) => {
    const server = new S3rver({
      address: "127.0.0.1",
      port,
      silent: true,
      directory: path.join(dataDir, "s3"),
    });
    server.middleware.unshift(s3Versioning(server.store, path.join(dataDir, "s3-versions")));
    return server;
  };
  let s3Server = newS3Server(0);
  const stop = async () => {
    await Promise.allSettled([s3Server.close(), closeServer(dynamoServer)]);
    unlock();
  };
  let dynamoPort: number;
  let s3Port: number;
  try {
    dynamoPort = await listen(dynamoServer);
    s3Port = (await s3Server.run()).port;
  } catch (error) {
    await stop();
    throw error;
  }

  const names = { table: `${APP_NAME}-${STAGE}-visits`, bucket: `${APP_NAME}-${STAGE}-resume` };
  const env: Record<string, string> = {
    SST_RESOURCE_App: JSON.stringify({ name: APP_NAME, stage: STAGE }),
    SST_RESOURCE_Visits: JSON.stringify({ name: names.table, type: "sst.aws.Dynamo" }),
    SST_RESOURCE_Resume: JSON.stringify({ name: names.bucket, type: "sst.aws.Bucket" }),
    SST_RESOURCE_VisitorSalt: JSON.stringify({ value: localSecret(dataDir), type: "sst.sst.Secret" }),
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynamoPort}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
  };

  try {
    await provision(env, names);
  } catch (error) {
    await stop();
    throw error;
  }
  // Lets other tools (npm run resume) find this running stack instead of starting one.
  writeFileSync(runningEnvFile(dataDir), JSON.stringify(env), { mode: 0o600 });
  return {
    env,
    stop: async () => {
      rmSync(runningEnvFile(dataDir), { force: true });
      await stop();
    },
    // Only the listener goes: dynalite's own close() also closes its LevelDB store,
    // and operations still in flight then throw "Database is closed" in this process.
    stopDynamo: () => closeListener(dynamoServer),
    startDynamo: () => listen(dynamoServer, dynamoPort).then(() => undefined),
    // A stopped s3rver closes its logger for good: a restart is a new instance on the same folder.
    stopS3: async () => {
      s3Server.httpServer?.closeAllConnections();
      await s3Server.close();
    },
    startS3: async () => {
      s3Server = newS3Server(s3Port);
      await s3Server.run();
    },
  };
}

async function provision(env: Record<string, string>, names: { table: string; bucket: string }) {
  const dynamo = new DynamoDBClient({
    region: REGION,
    credentials: CREDENTIALS,
    endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
  });
  const s3 = new S3Client({
    region: REGION,
    credentials: CREDENTIALS,
    endpoint: env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
  });
  try {
    await Promise.all([createTable(dynamo, names.table), createBucket(s3, names.bucket)]);
    await seedResume(s3, names.bucket);
  } finally {
    dynamo.destroy();
    s3.destroy();
  }
}

/** Same key schema as `sst.config.ts`; on-demand, as deployed. */
async function createTable(dynamo: DynamoDBClient, name: string) {
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "pk", AttributeType: "S" },
          { AttributeName: "sk", AttributeType: "S" },
        ],
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "sk", KeyType: "RANGE" },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

/** Versioned, as deployed (sst.config.ts), so the resume tool can list and restore. */
async function createBucket(s3: S3Client, name: string) {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (error) {
    const code = (error as { name?: string }).name;
    if (code !== "BucketAlreadyOwnedByYou" && code !== "BucketAlreadyExists") throw error;
  }
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: "Enabled" } }),
  );
}

/**
 * Puts a sample resume generated from the content file. A resume the owner uploaded
 * is never replaced; an earlier sample is regenerated when the content changed.
 */
async function seedResume(s3: S3Client, bucket: string) {
  const pdf = await renderSampleResume(portfolio);
  const digest = createHash("sha256").update(pdf).digest("hex");
  const existing = await s3
    .send(new HeadObjectCommand({ Bucket: bucket, Key: RESUME_KEY }))
    .catch((error: { name?: string }) => {
      if (error.name === "NotFound" || error.name === "NoSuchKey") return undefined;
      throw error;
    });
  const sample = existing?.Metadata?.["sample-sha256"];
  if (existing && (sample === undefined || sample === digest)) return;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: RESUME_KEY,
      Body: pdf,
      ContentType: "application/pdf",
      Metadata: { "sample-sha256": digest },
    }),
  );
}

/**
 * The visitor-hash secret, generated once per data folder and kept there (on AWS it is
 * the `VisitorSalt` sst.Secret). Never printed anywhere but the launcher's exports.
 */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "visitor-salt");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Stops listening and drops open connections (the app's SDK clients keep them alive). */
function closeListener(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => NodeHttpServer.prototype.close.call(server, () => resolve()));
  server.closeAllConnections();
  return closed;
}
