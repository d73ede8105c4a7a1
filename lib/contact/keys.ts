// One secret, ContactFormKey (an sst.Secret on AWS, a file per data folder locally),
// with a separate key derived from it for each job, so no value made for one job can
// be replayed as another. Plain node:crypto: infra/ imports this to compute the header
// CloudFront adds, and the Lambda handler checks it.
import { createHmac, timingSafeEqual } from "node:crypto";

export type KeyPurpose = "form-token" | "client-cap" | "message-id" | "cloudfront-origin";

export function derivedKey(secret: string, purpose: KeyPurpose): Buffer {
  return createHmac("sha256", secret).update(`contact:${purpose}`).digest();
}

/** HMAC-SHA256 of `data` under the purpose's key, base64url. */
export function sign(secret: string, purpose: KeyPurpose, data: string): string {
  return createHmac("sha256", derivedKey(secret, purpose)).update(data).digest("base64url");
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The header CloudFront adds to every request it sends to the contact API, and its value.
 * API Gateway's own execute-api URL stays reachable on the internet; a request that did
 * not come through CloudFront (and its WAF) lacks this value and is refused.
 */
export const ORIGIN_HEADER = "x-portfolio-origin";
export const originSecret = (secret: string) => sign(secret, "cloudfront-origin", "v1");
