/**
 * One local Lambda function: imports a handler as Lambda's Node.js runtime would and
 * answers the invocations its host (lambda-host.mjs) sends over the IPC channel.
 *
 *   node --conditions=react-server --import tsx scripts/dev/lambda-runtime.ts <role> <file.export>
 *
 * `--conditions=react-server` resolves `server-only` to its empty module, as the Lambda
 * bundles are built (infra/function-build.ts). On the embedded local AWS the function
 * runs as its own identity (scripts/local-aws/identities.ts), as on AWS it runs as its role.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type LocalRole, ROLE_CREDENTIALS, roleEnvironment } from "../local-aws/identities";

type Invocation = { id: number; event: unknown; deadline: number };
type Handler = (event: unknown, context: object) => unknown;

const [role = "", spec = ""] = process.argv.slice(2);
if (!(role in ROLE_CREDENTIALS) || !/^[\w/-]+\.\w+$/.test(spec)) {
  console.error("usage: lambda-runtime.ts <role> <path/to/file.export>");
  process.exit(2);
}
if (process.env.PORTFOLIO_LOCAL_AWS === "1") Object.assign(process.env, roleEnvironment(role as LocalRole));

const dot = spec.lastIndexOf(".");
const exported = (await import(pathToFileURL(path.resolve(`${spec.slice(0, dot)}.ts`)).href)) as Record<
  string,
  unknown
>;
const handler = exported[spec.slice(dot + 1)];
if (typeof handler !== "function") throw new Error(`${spec} exports no function`);

process.on("message", (invocation: Invocation) => {
  const context = {
    awsRequestId: randomUUID(),
    functionName: role,
    getRemainingTimeInMillis: () => invocation.deadline - Date.now(),
  };
  Promise.resolve()
    .then(() => (handler as Handler)(invocation.event, context))
    .then(
      (result) => process.send?.({ id: invocation.id, result: result ?? null }),
      (error: unknown) => {
        // Lambda logs an unhandled error and reports only its type to the caller.
        console.error(`[${role}] invocation failed:`, error);
        process.send?.({ id: invocation.id, error: (error as Error | undefined)?.name ?? "Error" });
      },
    );
});
// The host is gone: so is this function.
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
