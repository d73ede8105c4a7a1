// For integration tests that need a local AWS of their own (a policy of their own): started
// before the block's tests, stopped after them, the app's clients pointed at it before each.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { LocalAws, LocalAwsOptions } from "../../scripts/local-aws/stack";
import { pointAt } from "./endpoint";
import { startOwnLocalAws } from "./own-local-aws";

/** Returns the running stack (once the block's tests run). */
export function withOwnLocalAws(
  name: string,
  options: Omit<LocalAwsOptions, "dataDir"> = {},
): () => LocalAws {
  let own: Awaited<ReturnType<typeof startOwnLocalAws>> | undefined;
  beforeAll(async () => {
    own = await startOwnLocalAws(name, options);
  });
  afterAll(() => own?.stop());
  const stack = () => {
    if (!own) throw new Error("The local AWS is not running yet");
    return own.stack;
  };
  beforeEach(() => {
    pointAt("DYNAMODB", stack().env.AWS_ENDPOINT_URL_DYNAMODB!);
    pointAt("S3", stack().env.AWS_ENDPOINT_URL_S3!);
    pointAt("SESV2", stack().env.AWS_ENDPOINT_URL_SESV2!);
  });
  return stack;
}
