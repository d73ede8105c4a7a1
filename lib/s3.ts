// Apart from lib/aws.ts so that rendering / (which talks only to DynamoDB) never loads
// the S3 client: about 390 KB of SDK on a cold start (docs/cold-start.md).
import { Agent } from "node:http";
import { S3Client } from "@aws-sdk/client-s3";
import { timeouts } from "./aws";

export const s3 = new S3Client({
  maxAttempts: 2,
  requestHandler: { ...timeouts, httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) },
  // The S3 emulator on loopback has no DNS for bucket subdomains: address buckets by path.
  forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
});
