// The embedded local AWS: DynamoDB (dynalite) and S3 (s3rver) emulators in this process,
// each behind the authorisation gate that enforces the IAM policy AWS would (gate/), on
// loopback ports the OS picks, provisioned as the app expects. The launcher, the tests
// and the benchmarks start it through startLocalAws().
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Permission } from "../../infra/permissions";
import { lockDataDir } from "./data-dir-lock";
import { startEmulators } from "./emulators";
import { appEnvironment, identityEnvironment, REGION, RESOURCE_NAMES, runningEnvFile } from "./environment";
import { createAuthorizer } from "./gate/authorizer";
import { type Gate, startGate } from "./gate/server";
import { dynamoRules, s3Rules } from "./gate/services";
import {
  asStatements,
  type Credentials,
  localIdentities,
  OWNER_CREDENTIALS,
  SITE_ROLE_CREDENTIALS,
  sitePermissions,
} from "./identities";
import { provision } from "./provision";

// The SDK versions pinned in package-lock.json support Node 20; its warning concerns
// future releases and would repeat in every process and build worker started from here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export type LocalAws = {
  /** The variables `sst dev` would give the app, pointed at the gates, signing as the site role. */
  env: Record<string, string>;
  /** Each identity's keys: `site` (the app) and `owner` (tools and test set-up, may do anything). */
  credentials: { site: Credentials; owner: Credentials };
  /** The site role's grants, as infra/permissions.ts gives them on the local ARNs. */
  sitePermissions: Permission<string>[];
  /** Enforce other grants for the site role from now on (tests narrow it); validated first. */
  useSitePermissions: (permissions: Permission<string>[]) => Promise<void>;
  stop: () => Promise<void>;
  /**
   * Stop or restart one service on the same port, for fault tests: the app keeps its
   * endpoints and sees the dependency go away (connections refused) and come back.
   */
  stopDynamo: () => Promise<void>;
  startDynamo: () => Promise<void>;
  stopS3: () => Promise<void>;
  startS3: () => Promise<void>;
};

export type LocalAwsOptions = { dataDir: string };

/** Starts the emulators and their gates on free loopback ports, with the table, bucket and sample resume in place. */
export async function startLocalAws({ dataDir }: LocalAwsOptions): Promise<LocalAws> {
  mkdirSync(path.join(dataDir, "dynamodb"), { recursive: true });
  mkdirSync(path.join(dataDir, "s3"), { recursive: true });
  const unlock = lockDataDir(dataDir);
  const site = sitePermissions(RESOURCE_NAMES, REGION);
  const identities = localIdentities(RESOURCE_NAMES, REGION, site);
  const running: { close: () => Promise<void> }[] = [];
  const stopAll = async () => {
    await Promise.allSettled(running.map((part) => part.close()));
    unlock();
  };

  let gates: { dynamo: Gate; s3: Gate };
  let authorizer;
  try {
    const emulators = await startEmulators(
      dataDir,
      identities.map((identity) => identity.credentials),
    );
    running.push(emulators);
    authorizer = await createAuthorizer(identities);
    const [dynamo, s3] = await Promise.all([
      startGate(dynamoRules, authorizer, { handle: emulators.dynamoHandler }),
      startGate(s3Rules, authorizer, { port: () => emulators.s3Port }),
    ]);
    gates = { dynamo, s3 };
    running.push({ close: dynamo.stop }, { close: s3.stop });
  } catch (error) {
    await stopAll();
    throw error;
  }

  const env = appEnvironment(dataDir, { dynamo: gates.dynamo.port, s3: gates.s3.port });
  try {
    await provision(env, RESOURCE_NAMES, OWNER_CREDENTIALS);
  } catch (error) {
    await stopAll();
    throw error;
  }
  // Lets other tools (npm run resume) find this running stack, and act as the owner.
  writeFileSync(runningEnvFile(dataDir), JSON.stringify({ ...env, ...identityEnvironment() }), {
    mode: 0o600,
  });
  return {
    env,
    credentials: { site: SITE_ROLE_CREDENTIALS, owner: OWNER_CREDENTIALS },
    sitePermissions: site,
    useSitePermissions: (permissions) => authorizer.replace("site", asStatements(permissions)),
    stop: async () => {
      rmSync(runningEnvFile(dataDir), { force: true });
      await stopAll();
    },
    stopDynamo: gates.dynamo.stop,
    startDynamo: gates.dynamo.start,
    stopS3: gates.s3.stop,
    startS3: gates.s3.start,
  };
}
