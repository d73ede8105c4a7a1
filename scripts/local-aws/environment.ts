// Where the local AWS keeps its data, what the app is told about it (the same variables
// `sst dev` gives it), and how other tools find a running one.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { portfolio } from "../../lib/content";
import { dataDirInUse } from "./data-dir-lock";
import {
  type Credentials,
  OWNER_CREDENTIALS,
  type ResourceNames,
  ROLE_CREDENTIALS,
  SITE_ROLE_CREDENTIALS,
} from "./identities";
import { readSstLinks } from "./sst-links";

export const APP_NAME = "serverless-portfolio";
const STAGE = "local";
export const REGION = "us-east-1";

/** The local resources' names, as SST would name them for a stage called "local". */
export function localResourceNames(env: Record<string, string | undefined> = process.env): ResourceNames {
  return {
    app: APP_NAME,
    stage: STAGE,
    table: `${APP_NAME}-${STAGE}-visits`,
    daily: `${APP_NAME}-${STAGE}-daily-visitors`,
    bucket: `${APP_NAME}-${STAGE}-resume`,
    messages: `${APP_NAME}-${STAGE}-messages`,
    // The mail identity: on AWS an sst.aws.Email for the owner's address (infra/contact.ts).
    sender: env.PORTFOLIO_OWNER_EMAIL || portfolio.contact.email,
    configSet: `${APP_NAME}-${STAGE}-sender`,
  };
}

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
  ports: { dynamo: number; s3: number; ses: number },
  names: ResourceNames,
): Record<string, string> {
  const secret = (file: string) =>
    JSON.stringify({ value: localSecret(dataDir, file), type: "sst.sst.Secret" });
  return {
    SST_RESOURCE_App: JSON.stringify({ name: APP_NAME, stage: STAGE }),
    SST_RESOURCE_Visits: JSON.stringify({ name: names.table, type: "sst.aws.Dynamo" }),
    SST_RESOURCE_DailyVisitors: JSON.stringify({ name: names.daily, type: "sst.aws.Dynamo" }),
    SST_RESOURCE_Resume: JSON.stringify({ name: names.bucket, type: "sst.aws.Bucket" }),
    SST_RESOURCE_Messages: JSON.stringify({ name: names.messages, type: "sst.aws.Dynamo" }),
    SST_RESOURCE_Sender: JSON.stringify({
      sender: names.sender,
      configSet: names.configSet,
      type: "sst.aws.Email",
    }),
    SST_RESOURCE_VisitorSalt: secret("visitor-salt"),
    SST_RESOURCE_ContactFormKey: secret("contact-form-key"),
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: SITE_ROLE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SITE_ROLE_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamo}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${ports.s3}`,
    // Also the address of the emulator's page that shows every mail sent.
    AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${ports.ses}`,
    // Local functions then sign as their own roles (scripts/local-aws/identities.ts).
    PORTFOLIO_LOCAL_AWS: "1",
  };
}

/**
 * Each local identity's keys, named plainly, for tools that act as one of them: each
 * role (LOCAL_AWS_SITE_…: what the app runs as; LOCAL_AWS_CONTACT_API_…, _CONTACT_RETRY_…,
 * _DIGEST_…: the functions beside it) and the owner (LOCAL_AWS_OWNER_…, who may do anything).
 */
export function identityEnvironment(): Record<string, string> {
  const named = Object.entries<Credentials>({ ...ROLE_CREDENTIALS, owner: OWNER_CREDENTIALS });
  return Object.fromEntries(
    named.flatMap(([name, keys]) => {
      const prefix = `LOCAL_AWS_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
      return [
        [`${prefix}_ACCESS_KEY_ID`, keys.accessKeyId],
        [`${prefix}_SECRET_ACCESS_KEY`, keys.secretAccessKey],
      ];
    }),
  );
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
