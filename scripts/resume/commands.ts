import { CopyObjectCommand, ListObjectVersionsCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { RESUME_KEY } from "../../lib/resume/key";
import type { Target } from "./target";
import { mb, readValidPdf, UsageError } from "./validate-pdf";

type Print = (line: string) => void;

export async function upload(target: Target, file: string, print: Print, progress: Print): Promise<void> {
  const body = await readValidPdf(file);
  const transfer = new Upload({
    client: target.s3,
    params: { Bucket: target.bucket, Key: RESUME_KEY, Body: body, ContentType: "application/pdf" },
  });
  let shown = -1;
  transfer.on("httpUploadProgress", ({ loaded = 0 }) => {
    const percent = Math.floor((loaded / body.length) * 100);
    if (percent >= shown + 10 || percent === 100) {
      shown = percent;
      progress(`uploading ${file}: ${percent}% of ${mb(body.length)}`);
    }
  });
  const result = await transfer.done();
  print(
    `Uploaded ${file} (${mb(body.length)}) to ${target.where}${result.VersionId ? ` as version ${result.VersionId}` : ""}.`,
  );
}

export async function list(target: Target, print: Print): Promise<void> {
  const { Versions = [] } = await target.s3.send(
    new ListObjectVersionsCommand({ Bucket: target.bucket, Prefix: RESUME_KEY }),
  );
  const versions = Versions.filter((version) => version.Key === RESUME_KEY);
  if (versions.length === 0)
    return print(`No resume in ${target.where} yet: npm run resume -- upload <file.pdf>`);
  print(`Versions of ${RESUME_KEY} in ${target.where}, newest first:`);
  for (const version of versions) {
    const when = version.LastModified?.toISOString().replace("T", " ").slice(0, 19) ?? "?";
    print(
      `${version.VersionId}  ${when} UTC  ${mb(version.Size ?? 0).padStart(8)}${version.IsLatest ? "  (current)" : ""}`,
    );
  }
}

export async function restore(target: Target, versionId: string, print: Print): Promise<void> {
  try {
    const result = await target.s3.send(
      new CopyObjectCommand({
        Bucket: target.bucket,
        Key: RESUME_KEY,
        CopySource: `${target.bucket}/${RESUME_KEY}?versionId=${encodeURIComponent(versionId)}`,
        MetadataDirective: "COPY",
      }),
    );
    print(
      `Restored version ${versionId}; it is current again${result.VersionId ? ` as version ${result.VersionId}` : ""}.`,
    );
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "NoSuchVersion" || name === "InvalidArgument" || name === "NoSuchKey") {
      throw new UsageError(`There is no version ${versionId} of ${RESUME_KEY}. See: npm run resume -- list`);
    }
    throw error;
  }
}
