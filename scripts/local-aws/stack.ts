// The embedded local AWS: DynamoDB (dynalite), S3 (s3rver) and SES v2 (aws-ses-v2-local)
// emulators in this process,
// on loopback ports the OS picks, provisioned as the app expects. The launcher, the
// tests and the benchmarks start it through startLocalAws().
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { type Server, Server as NodeHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import dynalite from "dynalite";
import S3rver from "s3rver";
import { lockDataDir } from "./data-dir-lock";
import { appEnvironment, RESOURCE_NAMES, runningEnvFile } from "./environment";
import { provision } from "./provision";
import { s3Versioning } from "./s3-versioning";
import { startSes } from "./ses";

// The SDK versions pinned in package-lock.json support Node 20; its warning concerns
// future releases and would repeat in every process and build worker started from here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

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
  stopSes: () => Promise<void>;
  startSes: () => Promise<void>;
};

export type LocalAwsOptions = { dataDir: string };

/** Starts the emulators on free loopback ports, with the tables, bucket and sample resume in place. */
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
  let sesServer: Server | undefined;
  const stop = async () => {
    await Promise.allSettled([
      s3Server.close(),
      closeServer(dynamoServer),
      sesServer?.listening ? closeListener(sesServer) : undefined,
    ]);
    unlock();
  };
  let dynamoPort: number;
  let s3Port: number;
  let sesPort: number;
  try {
    dynamoPort = await listen(dynamoServer);
    s3Port = (await s3Server.run()).port;
    ({ server: sesServer, port: sesPort } = await startSes());
  } catch (error) {
    await stop();
    throw error;
  }

  const env = appEnvironment(dataDir, { dynamo: dynamoPort, s3: s3Port, ses: sesPort });

  try {
    await provision(env, RESOURCE_NAMES);
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
    // Its mail store lives in the module, not the server: mail sent before a stop is still there.
    stopSes: async () => {
      if (sesServer) await closeListener(sesServer);
    },
    startSes: async () => {
      sesServer = (await startSes(sesPort)).server;
    },
  };
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
