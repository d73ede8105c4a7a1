// The embedded local AWS: DynamoDB (dynalite), S3 (s3rver) and SES v2 (aws-ses-v2-local)
// emulators in this process, each behind the authorisation gate that enforces the IAM
// policy AWS would (gate/), on loopback ports the OS picks, provisioned as the app
// expects. The launcher, the tests and the benchmarks start it through startLocalAws().
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Permission, Role } from "../../infra/permissions";
import { lockDataDir } from "./data-dir-lock";
import { startEmulators } from "./emulators";
import {
  appEnvironment,
  identityEnvironment,
  localResourceNames,
  REGION,
  runningEnvFile,
} from "./environment";
import { createAuthorizer } from "./gate/authorizer";
import { type Gate, startGate } from "./gate/server";
import { dynamoRules, s3Rules, sesRules } from "./gate/services";
import {
  asStatements,
  type Credentials,
  heldRoles,
  type LocalRole,
  localGrants,
  localIdentities,
  OWNER_CREDENTIALS,
  ROLE_CREDENTIALS,
} from "./identities";
import { provision } from "./provision";

// The SDK versions pinned in package-lock.json support Node 20; its warning concerns
// future releases and would repeat in every process and build worker started from here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export type LocalAws = {
  /** The variables `sst dev` would give the app, pointed at the gates, signing as the site role. */
  env: Record<string, string>;
  /** Each identity's keys: the roles (`site` is the app) and `owner` (tools and test set-up, may do anything). */
  credentials: Record<LocalRole, Credentials> & { owner: Credentials };
  /** Each role's grants, as infra/permissions.ts gives them on the local ARNs (as deployed, whatever useGrants did). */
  grants: Record<Role, Permission<string>[]>;
  /** Enforce other grants for one role from now on (tests narrow it); validated first. */
  useGrants: (role: Role, permissions: Permission<string>[]) => Promise<void>;
  stop: () => Promise<void>;
  /**
   * Stop or restart one service on the same port, for fault tests: the app keeps its
   * endpoints and sees the dependency go away (connections refused) and come back.
   */
  stopDynamo: () => Promise<void>;
  startDynamo: () => Promise<void>;
  stopS3: () => Promise<void>;
  startS3: () => Promise<void>;
  stopSes: () => Promise<void>;
  startSes: () => Promise<void>;
};

export type LocalAwsOptions = {
  dataDir: string;
  /** Whether the site holds the download alert's grants, as it does on AWS when the alert is on. */
  downloadAlert?: boolean;
};

/** Starts the emulators and their gates on free loopback ports, with the tables, bucket and sample resume in place. */
export async function startLocalAws({
  dataDir,
  downloadAlert = process.env.PORTFOLIO_DOWNLOAD_ALERT === "on",
}: LocalAwsOptions): Promise<LocalAws> {
  mkdirSync(path.join(dataDir, "dynamodb"), { recursive: true });
  mkdirSync(path.join(dataDir, "s3"), { recursive: true });
  const unlock = lockDataDir(dataDir);
  const names = localResourceNames();
  const grants = localGrants(names, REGION);
  const holds = heldRoles(downloadAlert);
  // What each role holds now: the deployed grants until a test narrows one.
  const current = { ...grants };
  const running: { close: () => Promise<void> }[] = [];
  const stopAll = async () => {
    await Promise.allSettled(running.map((part) => part.close()));
    unlock();
  };

  let gates: { dynamo: Gate; s3: Gate; ses: Gate };
  let authorizer;
  try {
    const identities = localIdentities(names, holds, grants);
    const emulators = await startEmulators(
      dataDir,
      identities.map((identity) => identity.credentials),
    );
    running.push(emulators);
    authorizer = await createAuthorizer(identities);
    const [dynamo, s3, ses] = await Promise.all([
      startGate(dynamoRules, authorizer, { handle: emulators.dynamoHandler }),
      startGate(s3Rules, authorizer, { port: () => emulators.s3Port }),
      // The sender identity's default set, as infra/contact.ts gives it (sst.aws.Email).
      startGate(sesRules({ [names.sender]: names.configSet }), authorizer, { port: () => emulators.sesPort }),
    ]);
    gates = { dynamo, s3, ses };
    running.push({ close: dynamo.stop }, { close: s3.stop }, { close: ses.stop });
  } catch (error) {
    await stopAll();
    throw error;
  }

  const env = appEnvironment(
    dataDir,
    { dynamo: gates.dynamo.port, s3: gates.s3.port, ses: gates.ses.port },
    names,
  );
  try {
    await provision(env, names, OWNER_CREDENTIALS);
  } catch (error) {
    await stopAll();
    throw error;
  }
  // Lets other tools (npm run resume, npm run digest) find this running stack, and act as an identity.
  writeFileSync(runningEnvFile(dataDir), JSON.stringify({ ...env, ...identityEnvironment() }), {
    mode: 0o600,
  });
  return {
    env,
    credentials: { ...ROLE_CREDENTIALS, owner: OWNER_CREDENTIALS },
    grants,
    useGrants: async (role, permissions) => {
      current[role] = permissions;
      // Every local caller that holds the role's grants gets the new ones.
      for (const [caller, roles] of Object.entries(holds) as [LocalRole, Role[]][])
        if (roles.includes(role))
          await authorizer.replace(caller, asStatements(roles.flatMap((held) => current[held])));
    },
    stop: async () => {
      rmSync(runningEnvFile(dataDir), { force: true });
      await stopAll();
    },
    // Each gate stands for its service: the emulators (and the mail SES kept) stay up behind it.
    stopDynamo: gates.dynamo.stop,
    startDynamo: gates.dynamo.start,
    stopS3: gates.s3.stop,
    startS3: gates.s3.start,
    stopSes: gates.ses.stop,
    startSes: gates.ses.start,
  };
}
