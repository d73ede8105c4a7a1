// The three emulators, in this process, behind the gate (gate/server.ts): DynamoDB
// (dynalite), whose request handler the gate calls directly, S3 (s3rver, with the
// versioning layer in front) and SES v2 (aws-ses-v2-local, ses.ts), each on a loopback
// port only the gate talks to.
import { createRequire } from "node:module";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import dynalite from "dynalite";
import S3rver from "s3rver";
import type { Credentials } from "./identities";
import { s3Versioning } from "./s3-versioning";
import { startSes } from "./ses";

export type Emulators = {
  /** dynalite's request handler. Its server still listens (on dynamoPort): only closing it closes the store. */
  dynamoHandler: (req: IncomingMessage, res: ServerResponse) => void;
  dynamoPort: number;
  s3Port: number;
  sesPort: number;
  close: () => Promise<void>;
};

/**
 * s3rver refuses access keys it does not know (it checks no SigV4 signature, only the
 * key), and knows only its own. Its account registry is the one place to add ours.
 */
function registerS3Keys(keys: Credentials[]): void {
  const { DUMMY_ACCOUNT } = createRequire(import.meta.url)("s3rver/lib/models/account.js") as {
    DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
  };
  for (const key of keys) DUMMY_ACCOUNT.createKeyPair(key.accessKeyId, key.secretAccessKey);
}

export async function startEmulators(dataDir: string, keys: Credentials[]): Promise<Emulators> {
  registerS3Keys(keys);
  const dynamo: Server = dynalite({ path: path.join(dataDir, "dynamodb"), createTableMs: 0 });
  const s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(dataDir, "s3") });
  s3.middleware.unshift(s3Versioning(s3.store, path.join(dataDir, "s3-versions")));
  let ses: Server | undefined;
  const close = async () => {
    await Promise.allSettled([
      s3.httpServer ? s3.close() : Promise.resolve(),
      new Promise<void>((resolve) => dynamo.close(() => resolve())),
      new Promise<void>((resolve) => {
        if (!ses?.listening) return resolve();
        // The SDK keeps connections alive: without dropping them, close would wait for them.
        ses.close(() => resolve());
        ses.closeAllConnections();
      }),
    ]);
  };
  try {
    const dynamoPort = await new Promise<number>((resolve, reject) => {
      dynamo.once("error", reject);
      dynamo.listen(0, "127.0.0.1", () => resolve((dynamo.address() as AddressInfo).port));
    });
    const s3Port = (await s3.run()).port;
    let sesPort: number;
    ({ server: ses, port: sesPort } = await startSes());
    const [dynamoHandler] = dynamo.listeners("request") as Emulators["dynamoHandler"][];
    if (!dynamoHandler) throw new Error("dynalite's server has no request handler");
    return { dynamoHandler, dynamoPort, s3Port, sesPort, close };
  } catch (error) {
    await close();
    throw error;
  }
}
