// Where the local AWS keeps its data, what the app is told about it (the same variables
// `sst dev` gives it), and how other tools find a running one.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { portfolio } from "../../lib/content";
import { dataDirInUse } from "./data-dir-lock";

export const APP_NAME = "serverless-portfolio";
const STAGE = "local";
export const REGION = "us-east-1";
// s3rver only accepts requests signed with its built-in account's key.
export const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** The tables' and bucket's names, as SST would name them for a stage called "local". */
export const RESOURCE_NAMES = {
  table: `${APP_NAME}-${STAGE}-visits`,
  bucket: `${APP_NAME}-${STAGE}-resume`,
  messages: `${APP_NAME}-${STAGE}-messages`,
};

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

/** The variables `sst dev` would give the app, pointed at emulators on these ports. */
export function appEnvironment(
  dataDir: string,
  ports: { dynamo: number; s3: number; ses: number },
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const secret = (file: string) =>
    JSON.stringify({ value: localSecret(dataDir, file), type: "sst.sst.Secret" });
  // The mail identity: on AWS an sst.aws.Email for the owner's address (infra/contact.ts).
  const owner = env.PORTFOLIO_OWNER_EMAIL || portfolio.contact.email;
  return {
    SST_RESOURCE_App: JSON.stringify({ name: APP_NAME, stage: STAGE }),
    SST_RESOURCE_Visits: JSON.stringify({ name: RESOURCE_NAMES.table, type: "sst.aws.Dynamo" }),
    SST_RESOURCE_Resume: JSON.stringify({ name: RESOURCE_NAMES.bucket, type: "sst.aws.Bucket" }),
    SST_RESOURCE_Messages: JSON.stringify({ name: RESOURCE_NAMES.messages, type: "sst.aws.Dynamo" }),
    SST_RESOURCE_Sender: JSON.stringify({
      sender: owner,
      configSet: `${APP_NAME}-${STAGE}-sender`,
      type: "sst.aws.Email",
    }),
    SST_RESOURCE_VisitorSalt: secret("visitor-salt"),
    SST_RESOURCE_ContactFormKey: secret("contact-form-key"),
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamo}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${ports.s3}`,
    // Also the address of the emulator's page that shows every mail sent.
    AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${ports.ses}`,
    // Local functions then run as their own identities (scripts/local-aws/identities.ts).
    PORTFOLIO_LOCAL_AWS: "1",
  };
}

/**
 * A secret generated once per data folder and kept there in `file` (on AWS each is an
 * sst.Secret: VisitorSalt, ContactFormKey). Never printed anywhere but the launcher's exports.
 */
function localSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
