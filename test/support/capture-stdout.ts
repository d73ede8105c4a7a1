import { vi } from "vitest";

/**
 * Collects what is written to process.stdout (the app's log lines and EMF metrics,
 * written there directly) while `run` runs, without echoing it into the test output.
 */
export async function captureStdout(run: () => Promise<unknown>): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return chunks.join("");
}
