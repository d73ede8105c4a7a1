// Runs inside the bundle test/infra/synthesize.ts builds, where SST's globals ($util is
// @pulumi/pulumi) exist as they do under `sst deploy`. It executes the config's run() in
// a Pulumi stack whose engine is Pulumi's mock monitor, records every resource the config
// registers (inputs and the options that decide retention), and writes them as JSON.
import { writeFileSync } from "node:fs";
import { mockInvoke, mockResourceState } from "./mock-state";
import { startStubSstServer } from "./stub-sst-server";

type Recorded = {
  type: string;
  name: string;
  custom: boolean;
  inputs: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
};

// The fields of Pulumi's RegisterResourceRequest the record needs; the mock monitor
// hands the request through unchanged, but does not pass these options on to newResource.
type RegisterRequest = {
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
};

export async function runUnderMocks(program: () => Promise<unknown>): Promise<void> {
  const outFile = process.env.INFRA_SYNTH_OUT;
  const workDir = process.env.INFRA_SYNTH_WORK;
  if (!outFile || !workDir) throw new Error("INFRA_SYNTH_OUT and INFRA_SYNTH_WORK must be set");

  const resources: Recorded[] = [];
  const errors: string[] = [];
  const fail = (error: unknown) =>
    errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.on("unhandledRejection", fail);
  process.on("uncaughtException", fail);

  const stub = await startStubSstServer(workDir);
  process.env.SST_SERVER = stub.url;

  await $util.runtime.setMocks(
    {
      newResource(args) {
        resources.push({
          type: args.type,
          name: args.name,
          custom: args.custom ?? false,
          inputs: args.inputs,
        });
        return mockResourceState(args.type, args.name, args.inputs);
      },
      call: (args) => mockInvoke(args.token, args.inputs),
    },
    $app.name,
    $app.stage,
    false, // not a preview: outputs resolve, so every resource nested in an apply is created
  );
  recordOptions(resources);

  let outputs: unknown;
  try {
    outputs = await $util.runtime.runInPulumiStack(program);
  } catch (error) {
    fail(error);
  }

  // Components create resources inside callbacks that wait on files, zips and the stub
  // server; the run is complete when Node has nothing left to do.
  process.once("beforeExit", () => {
    if ($util.log.hasErrors()) errors.push("Pulumi logged errors (see stderr).");
    writeFileSync(outFile, JSON.stringify({ resources, outputs, builds: stub.builds, errors }));
    stub.server.close();
  });
}

function recordOptions(resources: Recorded[]): void {
  const monitor = $util.runtime.getMonitor() as unknown as {
    registerResource(req: RegisterRequest, callback: unknown): unknown;
  };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const index = resources.length;
    // The mock monitor calls newResource synchronously, before its first await.
    const result = register(req, callback);
    const recorded = resources[index];
    if (recorded) {
      recorded.protect = req.getProtect() ?? false;
      recorded.retainOnDelete = req.getRetainondelete() ?? false;
    }
    return result;
  };
}
