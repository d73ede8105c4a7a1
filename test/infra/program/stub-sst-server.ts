// Stands in for the `sst` CLI's RPC server, which SST components call while the config
// runs: to build each function and to find the bootstrap bucket. Mocks cannot package
// functions, so "building" one writes a tiny stub handler: nothing here is deployed,
// and the function's settings (memory, role, environment) are asserted on elsewhere.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

type Call = { method: string; params: [Record<string, unknown>] };

/**
 * What a function was built with: the links SST encrypts into its bundle, and the
 * esbuild export conditions when the function sets any.
 */
export type BuildRecord = { functionID: string; links: string[]; conditions?: string[] };

export async function startStubSstServer(
  workDir: string,
): Promise<{ url: string; server: Server; builds: BuildRecord[] }> {
  const builds: BuildRecord[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const call = JSON.parse(body) as Call;
      let answer: { result?: unknown; error?: string };
      try {
        answer = { result: handle(call.method, call.params[0], workDir, builds) };
      } catch (error) {
        answer = { error: String(error) };
      }
      // Close each connection: idle keep-alive sockets would hold the run open for seconds.
      res
        .writeHead(200, { "content-type": "application/json", connection: "close" })
        .end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The run ends when nothing is left to do; an idle stub server must not keep it alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, builds };
}

function esbuildConditions(input: Record<string, unknown>): { conditions?: string[] } {
  const properties = input.properties as { esbuild?: { conditions?: string[] } } | undefined;
  const conditions = properties?.esbuild?.conditions;
  return conditions ? { conditions } : {};
}

function handle(
  method: string,
  input: Record<string, unknown>,
  workDir: string,
  builds: BuildRecord[],
): unknown {
  switch (method) {
    case "Provider.Aws.Bootstrap":
      return {
        asset: "sst-asset-mock",
        assetEcrRegistryId: "123456789012",
        assetEcrUrl: "123456789012.dkr.ecr.us-east-1.amazonaws.com/sst-asset",
        state: "sst-state-mock",
        appsyncHttp: "",
        appsyncRealtime: "",
      };
    case "Provider.Aws.Appsync":
      // Under `sst dev`, where functions reach the developer's machine through AppSync.
      return {
        http: "mock.appsync-api.us-east-1.amazonaws.com",
        realtime: "mock.appsync-realtime-api.us-east-1.amazonaws.com",
      };
    case "Runtime.AddTarget":
      return null;
    case "Runtime.Build":
      builds.push({
        functionID: String(input.functionID),
        links: Object.keys((input.links as object | undefined) ?? {}),
        ...esbuildConditions(input),
      });
      return buildStub(String(input.functionID), String(input.handler));
    default:
      // The wording SST's rpc client maps to "method not found".
      throw new Error(`rpc: can't find method ${method}`);
  }

  function buildStub(functionID: string, handler: string) {
    const out = path.join(workDir, "stub-builds", functionID);
    const parsed = path.posix.parse(handler);
    const file = path.join(out, parsed.dir, `${parsed.name}.mjs`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `export const ${parsed.ext.slice(1)} = async () => ({ statusCode: 204 });\n`);
    return { handler, out, errors: [], sourcemaps: [] };
  }
}
