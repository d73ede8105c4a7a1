// Who signed a request, from its SigV4 credential scope: the Authorization header, or the
// X-Amz-Credential query parameter of a presigned URL. The scope also names the region.
import type { IncomingHttpHeaders } from "node:http";

export type SigningScope = { accessKeyId: string; region: string };

/** `AKID/20261202/us-east-1/s3/aws4_request` → its key and region; undefined for an unsigned request. */
export function signingScope(headers: IncomingHttpHeaders, url: string): SigningScope | undefined {
  const authorization = headers.authorization;
  const credential =
    typeof authorization === "string"
      ? /Credential=([^,\s]+)/.exec(authorization)?.[1]
      : new URL(url, "http://gate").searchParams.get("X-Amz-Credential");
  if (!credential) return undefined;
  const [accessKeyId = "", , region = ""] = credential.split("/");
  return accessKeyId ? { accessKeyId, region } : undefined;
}
