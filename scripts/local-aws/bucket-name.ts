// S3's rules for a bucket name ("Bucket naming rules", S3 User Guide), the part that
// matters before a name becomes a folder: 3 to 63 lowercase letters, digits, dots and
// hyphens, starting and ending with a letter or digit, no two dots in a row (so never
// `..`), and not an IP address.
import { isIP } from "node:net";

export function isValidBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes("..") && isIP(name) === 0;
}

/**
 * A key as one folder name: percent-encoded, and `.` and `..`, which encodeURIComponent
 * leaves alone and a path would take as "here" and "up", with their dots encoded too.
 */
export function keyFolderName(key: string): string {
  const encoded = encodeURIComponent(key);
  return encoded === "." || encoded === ".." ? encoded.replaceAll(".", "%2E") : encoded;
}
