// No `import "server-only"`: the Pages API download route logs here too.
import { Logger } from "@aws-lambda-powertools/logger";

// Powertools' logger: maintained by AWS for Lambda, one JSON object per line with level,
// timestamp and service, and (outside POWERTOOLS_DEV) written through its own Console on
// stdout, so Lambda's console prefix does not break the JSON. It needs no Lambda context,
// which Next never sees under OpenNext; each call passes its own keys, so concurrent
// requests under `next start` never share per-request state in the logger.
const logger = new Logger({ serviceName: "portfolio" });

/**
 * One line per request. Deliberately no IP address, user agent or other header: the
 * visitor counter promises that neither is stored or logged (docs/visits.md).
 */
export type RequestLog = {
  route: string;
  outcome: string;
  /** HTTP status, where the code that logs decides it (a page render's is Next's). */
  status?: number;
  latencyMs: number;
  requestId: string;
};

export function logRequest(entry: RequestLog): void {
  logger.info("request", entry);
}
