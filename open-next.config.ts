import type { OpenNextConfig } from "@opennextjs/aws/types/open-next.js";

const config = {
  default: {
    minify: true,
    override: { incrementalCache: "s3-lite", tagCache: "dynamodb-lite", queue: "sqs-lite" },
  },
} satisfies OpenNextConfig;

export default config;
