/// <reference path="./.sst/platform/config.d.ts" />

/**
 * Serverless portfolio: a Next.js site on Lambda (built by OpenNext) that counts
 * visits in DynamoDB and streams the resume PDF from a private S3 bucket.
 * The resources live in infra/; docs/deploy.md explains deploying and the settings.
 *
 *   npx sst dev                         # live against your AWS account
 *   npx sst deploy --stage production   # deploy
 */
const PRODUCTION = "production";

export default $config({
  app(input) {
    return {
      name: "serverless-portfolio",
      // Production keeps its data when the stack is removed; other stages clean up.
      removal: input?.stage === PRODUCTION ? "retain" : "remove",
      protect: input?.stage === PRODUCTION,
      home: "aws",
    };
  },
  async run() {
    // Imported here, as SST's monorepo example does: app() is evaluated without SST's globals.
    const { createInfrastructure } = await import("./infra");
    return createInfrastructure({ production: $app.stage === PRODUCTION });
  },
});
