/// <reference path="./.sst/platform/config.d.ts" />

/**
 * Serverless portfolio: a Next.js site on Lambda (built by OpenNext) that counts
 * visits in DynamoDB and streams the resume PDF from a private S3 bucket.
 *
 *   npx sst dev                         # live against your AWS account
 *   npx sst deploy --stage production   # deploy
 */
export default $config({
  app(input) {
    return {
      name: "serverless-portfolio",
      // Production keeps its data when the stack is removed; other stages clean up.
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      home: "aws",
    };
  },
  async run() {
    // Visit counters. The key schema matches the local emulator's table (scripts/local-aws/stack.ts).
    const visits = new sst.aws.Dynamo("Visits", {
      fields: { pk: "string", sk: "string" },
      primaryIndex: { hashKey: "pk", rangeKey: "sk" },
    });

    // The resume. Without `access`, SST blocks all public access: the only way in is
    // through the site's server function.
    const resume = new sst.aws.Bucket("Resume", { versioning: true });

    const site = new sst.aws.Nextjs("Site", {
      link: [visits, resume],
      // Same version as @opennextjs/aws in package.json, so the bundle the Lambda
      // contract tests invoke is the bundle AWS runs (checked by a unit test).
      openNextVersion: "4.1.16",
      dev: { command: "npm run dev", url: "http://localhost:3000" },
    });

    return { url: site.url, bucket: resume.name, table: visits.name };
  },
});
