// The Lambda functions AWS runs beside the Next.js server, run by the local server
// (next-server.mjs): POST /api/contact through the API Gateway adapter, and the retry of
// undelivered messages on its schedule. The daily digest runs on demand: `npm run digest`.
// Their handlers and settings are the ones infra/contact.ts deploys (a test compares).
import { sendJson, serveThroughApiGateway } from "./api-gateway.mjs";
import { localFunction } from "./lambda-host.mjs";

export const CONTACT_PATH = "/api/contact";
export const FUNCTIONS = {
  contactApi: { handler: "functions/contact.handler", timeoutMs: 15_000 },
  contactRetry: { handler: "functions/contact-retry.handler", timeoutMs: 60_000 },
};
/** As RETRY_EVERY_MINUTES in lib/contact/retry.ts, which the AWS schedule uses. */
export const RETRY_EVERY_MS = 5 * 60_000;

/** @param {NodeJS.ProcessEnv} env */
export function startLocalFunctions(env) {
  const contact = localFunction({ role: "contactApi", ...FUNCTIONS.contactApi, env });
  const retry = localFunction({ role: "contactRetry", ...FUNCTIONS.contactRetry, env });
  const schedule = setInterval(() => {
    retry.invoke({}).catch((error) => console.error("[contact-retry]", error.message));
  }, RETRY_EVERY_MS);
  schedule.unref();

  return {
    /** Whether this request is the API's (the Router sends /api/contact and below to it on AWS). */
    serves(pathname) {
      return pathname === CONTACT_PATH || pathname.startsWith(`${CONTACT_PATH}/`);
    },
    /**
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     * @param {string} pathname
     */
    serve(req, res, pathname) {
      // The API has one route: anything else is API Gateway's own 404.
      if (req.method !== "POST" || pathname !== CONTACT_PATH) {
        req.resume();
        return sendJson(res, 404, { message: "Not Found" });
      }
      return serveThroughApiGateway(req, res, {
        routeKey: `POST ${CONTACT_PATH}`,
        invoke: contact.invoke,
      }).catch(
        () => res.destroy(), // the client went away mid-body
      );
    },
    stop() {
      clearInterval(schedule);
      contact.stop();
      retry.stop();
    },
  };
}
