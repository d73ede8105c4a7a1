// Where the local AWS keeps its data, what the app is told about it (the same variables
// `sst dev` gives it), and how other tools find a running one.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirInUse } from "./data-dir-lock";
import { OWNER_CREDENTIALS, type ResourceNames, SITE_ROLE_CREDENTIALS } from "./identities";
import { readSstLinks } from "./sst-links";

export const APP_NAME = "serverless-portfolio";
const STAGE = "local";
export const REGION = "us-east-1";

/** The table and bucket names, as SST would name them for a stage called "local". */
export const RESOURCE_NAMES: ResourceNames = {
  app: APP_NAME,
  stage: STAGE,
  table: `${APP_NAME}-${STAGE}-visits`,
  bucket: `${APP_NAME}-${STAGE}-resume`,
};

export const runningEnvFile = (dataDir: string) => path.join(dataDir, "local-aws.env.json");

/** The environment of the local AWS running on this data folder, if one is. */
export function runningLocalAws(dataDir: string): Record<string, string> | undefined {
  if (!existsSync(runningEnvFile(dataDir)) || !dataDirInUse(dataDir)) return undefined;
  return JSON.parse(readFileSync(runningEnvFile(dataDir), "utf8")) as Record<string, string>;
}

/** True when `sst dev` (or a deployed function) already provides the real resources, in either form. */
export function sstLinksPresent(env: Record<string, string | undefined> = process.env): boolean {
  return "App" in readSstLinks(env) || Boolean(env.SST_KEY_FILE);
}

export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.LOCAL_AWS_DATA_DIR ?? ".data");
}

/** The variables `sst dev` would give the app, pointed at the local AWS on these ports, signing as the site role. */
export function appEnvironment(
  dataDir: string,
  ports: { dynamo: number; s3: number },
): Record<string, string> {
  return {
    SST_RESOURCE_App: JSON.stringify({ name: APP_NAME, stage: STAGE }),
    SST_RESOURCE_Visits: JSON.stringify({ name: RESOURCE_NAMES.table, type: "sst.aws.Dynamo" }),
    SST_RESOURCE_Resume: JSON.stringify({ name: RESOURCE_NAMES.bucket, type: "sst.aws.Bucket" }),
    SST_RESOURCE_VisitorSalt: JSON.stringify({ value: localSecret(dataDir), type: "sst.sst.Secret" }),
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: SITE_ROLE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SITE_ROLE_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamo}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${ports.s3}`,
  };
}

/**
 * Each local identity's keys, named plainly, for tools that act as one or the other:
 * the site role (what the app runs as) and the owner (who may do anything).
 */
export function identityEnvironment(): Record<string, string> {
  return {
    LOCAL_AWS_SITE_ACCESS_KEY_ID: SITE_ROLE_CREDENTIALS.accessKeyId,
    LOCAL_AWS_SITE_SECRET_ACCESS_KEY: SITE_ROLE_CREDENTIALS.secretAccessKey,
    LOCAL_AWS_OWNER_ACCESS_KEY_ID: OWNER_CREDENTIALS.accessKeyId,
    LOCAL_AWS_OWNER_SECRET_ACCESS_KEY: OWNER_CREDENTIALS.secretAccessKey,
  };
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
