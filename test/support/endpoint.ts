import { afterEach, vi } from "vitest";

/** The discard port: nothing listens there, so connections are refused at once. */
export const DEAD_ENDPOINT = "http://127.0.0.1:9";

/**
 * Points one AWS service at `url` for the current test. SDK clients are built when
 * lib/aws.ts is first imported, so modules are reset: import what you test afterwards.
 */
export function pointAt(service: "DYNAMODB" | "S3" | "SESV2", url: string): void {
  vi.stubEnv(`AWS_ENDPOINT_URL_${service}`, url);
  vi.resetModules();
}

// Integration setup file: every test starts from the real endpoints and fresh modules.
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});
