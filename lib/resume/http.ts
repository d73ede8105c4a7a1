// How to answer a request for the resume, decided from its headers and what is stored:
// no I/O here, so every case is a unit test.
// range-parser 1.x: 2.x requires Node 22, and the site also runs on Node 20 locally.
import parseRange from "range-parser";
import type { StoredResume } from "./storage";

export type ResumeRequest = {
  method: "GET" | "HEAD";
  range?: string;
  ifNoneMatch?: string;
  ifRange?: string;
  inline: boolean;
};

export type ResumePlan =
  | { kind: "not-modified"; status: 304; headers: Record<string, string> }
  | { kind: "unsatisfiable"; status: 416; headers: Record<string, string> }
  | { kind: "redirect"; status: 302; headers: Record<string, string>; disposition: string }
  | {
      kind: "body";
      status: 200 | 206;
      headers: Record<string, string>;
      range?: { start: number; end: number };
    };

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

// Short and private: browsers may reuse the file for a minute, then must revalidate
// (cheaply, with If-None-Match), so a replaced resume shows up quickly.
const CACHE_CONTROL = "private, max-age=60, must-revalidate";

/**
 * Decides the answer to a resume request from the request's headers and the stored
 * object, per RFC 9110: conditional requests first, then ranges, then the size limit
 * above which the client is sent to S3 directly.
 */
export function planResumeResponse(
  request: ResumeRequest,
  object: StoredResume,
  options: { fileName: string; redirectAbove: number },
): ResumePlan {
  const disposition = contentDisposition(options.fileName, {
    type: request.inline ? "inline" : "attachment",
  });
  const validators = {
    ETag: object.etag,
    "Last-Modified": object.lastModified.toUTCString(),
    "Cache-Control": CACHE_CONTROL,
  };

  if (request.ifNoneMatch !== undefined && etagListMatches(request.ifNoneMatch, object.etag)) {
    return { kind: "not-modified", status: 304, headers: validators };
  }

  const range = usableRange(request, object);
  if (range === "unsatisfiable") {
    return {
      kind: "unsatisfiable",
      status: 416,
      headers: { ...validators, "Content-Range": `bytes */${object.size}` },
    };
  }

  const length = range ? range.end - range.start + 1 : object.size;
  if (length > options.redirectAbove) {
    return { kind: "redirect", status: 302, headers: { "Cache-Control": "no-store" }, disposition };
  }

  const headers: Record<string, string> = {
    ...validators,
    "Content-Type": "application/pdf",
    "Content-Disposition": disposition,
    "Content-Length": String(length),
    "Accept-Ranges": "bytes",
  };
  if (!range) return { kind: "body", status: 200, headers };
  headers["Content-Range"] = `bytes ${range.start}-${range.end}/${object.size}`;
  return { kind: "body", status: 206, headers, range };
}

/**
 * The single byte range to serve, "unsatisfiable", or undefined for the whole file.
 * A malformed header, another unit or several disjoint ranges get the whole file
 * (RFC 9110 lets a server ignore Range), as does an If-Range that no longer matches.
 */
function usableRange(request: ResumeRequest, object: StoredResume) {
  if (!request.range) return undefined;
  if (request.ifRange !== undefined && !ifRangeMatches(request.ifRange, object)) return undefined;
  // Real clients send short Range headers; refuse to parse a huge one.
  if (request.range.length > 200) return undefined;
  // "bytes=5-2" is invalid, so ignored (RFC 9110 14.1.1); range-parser 1.x calls it unsatisfiable.
  if ([...request.range.matchAll(/(\d+)-(\d+)/g)].some(([, first, last]) => Number(last) < Number(first))) {
    return undefined;
  }
  // -1: unsatisfiable, -2: malformed; otherwise the ranges, overlapping ones merged.
  const parsed = parseRange(object.size, request.range, { combine: true });
  if (parsed === -2) return undefined;
  if (parsed === -1) return "unsatisfiable";
  if (parsed.type !== "bytes" || parsed.length !== 1) return undefined;
  return parsed[0];
}

/**
 * RFC 6266 Content-Disposition: a quoted ASCII `filename` every client understands and,
 * for a name with other characters, the exact name as RFC 8187 `filename*`, which
 * current browsers prefer. (The `content-disposition` package leaves plain names
 * unquoted; quoted is what mail clients and older viewers handle best.)
 */
export function contentDisposition(fileName: string, { type }: { type: "inline" | "attachment" }): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const header = `${type}; filename="${ascii}"`;
  if (ascii === fileName) return header;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${header}; filename*=UTF-8''${encoded}`;
}

/** If-None-Match: weak comparison against a list of entity tags, or "*". */
export function etagListMatches(header: string, etag: string): boolean {
  const current = stripWeak(etag);
  return header.split(",").some((tag) => {
    const candidate = tag.trim();
    return candidate === "*" || stripWeak(candidate) === current;
  });
}

/** If-Range: a strong entity tag, or an HTTP date equal to Last-Modified. */
function ifRangeMatches(header: string, object: StoredResume): boolean {
  const value = header.trim();
  if (value.startsWith('"')) return value === object.etag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && Math.floor(date / 1000) === Math.floor(object.lastModified.getTime() / 1000);
}

function stripWeak(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}
