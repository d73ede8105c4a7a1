import { readFile, stat } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A problem with the user's input: printed as is, without a stack trace. */
export class UsageError extends Error {}

/** The largest resume the tool accepts (RESUME_MAX_BYTES overrides): far above any real resume. */
export function maxResumeBytes(env: Record<string, string | undefined> = process.env): number {
  return Number(env.RESUME_MAX_BYTES ?? 20 * 1024 * 1024);
}

/** Reads the file and checks that it is a real PDF of reasonable size; returns its bytes. */
export async function readValidPdf(file: string, maxBytes = maxResumeBytes()): Promise<Buffer> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`No such file: ${file}`);
  if (info.size > maxBytes) {
    throw new UsageError(`${file} is ${mb(info.size)}; the limit is ${mb(maxBytes)}.`);
  }
  const bytes = await readFile(file);
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") {
    throw new UsageError(`${file} is not a PDF: it does not start with %PDF-.`);
  }
  try {
    // Mozilla's PDF.js parses the whole structure: a truncated or corrupt file fails here.
    const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
      .promise;
    const pages = document.numPages;
    await document.destroy();
    if (pages < 1) throw new Error("it has no pages");
  } catch (error) {
    throw new UsageError(`${file} is not a readable PDF: ${(error as Error).message}`);
  }
  return bytes;
}

export function mb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
