// How the Lambda functions beside the site (infra/contact.ts) are built and run. Plain
// values, no SST globals: the Lambda contract tests (test/lambda/) build their bundles
// with the same settings, so the code they invoke is the code AWS runs.

export const FUNCTION_RUNTIME = "nodejs22.x" as const;

/**
 * esbuild's export conditions. The functions share lib/ modules with the Next.js server,
 * and some start with `import "server-only"`; that package throws unless resolved under
 * "react-server" (as in Next's server bundles), where it is an empty module.
 */
export const ESBUILD_CONDITIONS = ["react-server"];

/** Each function's entry point (SST's `handler`: path from the root, then the export). */
export const HANDLERS = {
  contactApi: "functions/contact.handler",
  contactRetry: "functions/contact-retry.handler",
  digest: "functions/digest.handler",
} as const;
