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
  /** @type {ReturnType<typeof start> | undefined} */
  let instance;

  function start() {
    const child = fork(RUNTIME, [role, handler], {
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      env,
    });
    /** @type {Map<number, { resolve: (value: unknown) => void, reject: (error: Error) => void, timer: NodeJS.Timeout }>} */
    const waiting = new Map();
    let nextId = 0;
    const ready = new Promise((resolve, reject) => {
      child.once("exit", () => reject(new Error(`${role} exited while starting`)));
      child.on("message", (message) => {
        if (message.ready) return resolve(undefined);
        const call = waiting.get(message.id);
        if (!call) return;
        waiting.delete(message.id);
        clearTimeout(call.timer);
        if ("error" in message) call.reject(new Error(`${role} failed: ${message.error}`));
        else call.resolve(message.result);
      });
    });
    ready.catch(() => undefined);
    child.on("exit", () => {
      if (instance?.child === child) instance = undefined;
      for (const call of waiting.values()) {
        clearTimeout(call.timer);
        call.reject(new Error(`${role} stopped during an invocation`));
      }
      waiting.clear();
    });
    const self = {
      child,
      /** @param {unknown} event */
      async invoke(event) {
        await ready;
        const id = nextId++;
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            waiting.delete(id);
            reject(new Error(`${role} timed out after ${timeoutMs} ms`));
            // Like Lambda: the instance is gone, and the next invocation starts a new one.
            if (instance === self) instance = undefined;
            child.kill("SIGKILL");
          }, timeoutMs);
          waiting.set(id, { resolve, reject, timer });
          child.send({ id, event, deadline: Date.now() + timeoutMs });
        });
      },
    };
    return self;
  }

  return {
    invoke(event) {
      instance ??= start();
      return instance.invoke(event);
    },
    stop() {
      instance?.child.kill("SIGTERM");
      instance = undefined;
    },
  };
}
