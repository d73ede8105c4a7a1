// Runs a Lambda handler locally, the way Lambda does: in a process of its own (its own
// environment, so its own credentials), started on the first invocation (a cold start),
// kept warm after it, and killed and started again when an invocation runs past the
// function's timeout. lambda-runtime.ts is the process's side.
import { fork } from "node:child_process";
import path from "node:path";

const RUNTIME = path.join(import.meta.dirname, "lambda-runtime.ts");

/**
 * @param {{ role: string, handler: string, timeoutMs: number, env: NodeJS.ProcessEnv }} fn
 * @returns {{ invoke: (event: unknown) => Promise<unknown>, stop: () => void }}
 */
export function localFunction({ role, handler, timeoutMs, env }) {
  /** @type {import("node:child_process").ChildProcess | undefined} */
  let child;
  /** @type {Promise<void> | undefined} */
  let ready;
  let nextId = 0;
  const waiting = new Map();

  const start = () => {
    const started = fork(RUNTIME, [role, handler], {
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      env,
    });
    child = started;
    ready = new Promise((resolve, reject) => {
      started.once("exit", () => reject(new Error(`${role} exited while starting`)));
      started.on("message", (message) => {
        if (message.ready) return resolve();
        const call = waiting.get(message.id);
        if (!call) return;
        waiting.delete(message.id);
        clearTimeout(call.timer);
        if ("error" in message) call.reject(new Error(`${role} failed: ${message.error}`));
        else call.resolve(message.result);
      });
    });
    ready.catch(() => undefined);
    started.on("exit", () => {
      if (child === started) child = undefined;
      for (const [id, call] of waiting) {
        waiting.delete(id);
        clearTimeout(call.timer);
        call.reject(new Error(`${role} stopped during an invocation`));
      }
    });
  };

  return {
    async invoke(event) {
      if (!child) start();
      await ready;
      const id = nextId++;
      const running = child;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${role} timed out after ${timeoutMs} ms`));
          running?.kill("SIGKILL");
        }, timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        running?.send({ id, event, deadline: Date.now() + timeoutMs });
      });
    },
    stop() {
      child?.kill("SIGTERM");
    },
  };
}
