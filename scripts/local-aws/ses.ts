// The SES v2 emulator (aws-ses-v2-local) in this process: it accepts SendEmail like SES
// and keeps every mail in memory, shown on its page at `/` and as JSON at `/store`.
// It checks no sandbox or quota (the gate in front of it checks IAM: gate/ses.ts), and the
// mail is gone when the process stops.
// (With SMTP_TRANSPORT set in the environment it would also relay each mail over SMTP.)
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import sesLocalModule from "aws-ses-v2-local";

// A CommonJS module with `exports.default`: from Node's ESM loader (tsx, Vitest) the default
// import is module.exports itself, while its types describe the function.
const startSesLocal: typeof sesLocalModule =
  (sesLocalModule as unknown as { default?: typeof sesLocalModule }).default ?? sesLocalModule;

/** Starts the emulator on 127.0.0.1 (`port` 0: one the OS picks) and returns its server. */
export async function startSes(port = 0): Promise<{ server: Server; port: number }> {
  const server = await startSesLocal({ host: "127.0.0.1", port });
  // It resolves even when listening failed (Express hands the error to a callback it ignores).
  if (!server.listening) throw new Error(`The SES emulator could not listen on 127.0.0.1:${port}`);
  return { server, port: (server.address() as AddressInfo).port };
}
