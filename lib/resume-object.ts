/** Where the resume lives in the private bucket; shared by the app, the upload tool and the local-AWS seeder. */
export const RESUME_KEY = "resume.pdf";

/**
 * Above this many bytes the download is a 302 to a presigned S3 URL instead of a
 * stream through the function: Lambda's buffered responses are capped at 6 MB after
 * base64, which leaves about 4.5 MB of PDF. RESUME_REDIRECT_ABOVE overrides it.
 */
export function resumeRedirectAbove(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.RESUME_REDIRECT_ABOVE ?? 4_500_000);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`RESUME_REDIRECT_ABOVE must be a byte count, not ${env.RESUME_REDIRECT_ABOVE}`);
  }
  return value;
}
