// The contact form's backend and the owner's mail: the Messages table, the SES identity,
// POST /api/contact (a Lambda function behind an API Gateway HTTP API that the Router
// sends /api/contact to), the retry job and the daily digest. docs/contact.md explains
// the flow; docs/deploy.md the settings, SES's sandbox and the throttling numbers.
import { CONTACT_PATH } from "../lib/contact/form";
import { NEXT_ATTEMPT_ATTRIBUTE, PENDING_ATTRIBUTE, PENDING_INDEX } from "../lib/contact/pending-index";
import { RETRY_EVERY_MINUTES } from "../lib/contact/retry-schedule";
import type { InfraConfig } from "./config";
import { ESBUILD_CONDITIONS, FUNCTION_RUNTIME, HANDLERS } from "./function-build";
import { deployedPermissions, type Targets } from "./links";
import type { Role } from "./permissions";

export type MailData = { messages: sst.aws.Dynamo; sender: sst.aws.Email; formKey: sst.Secret };

/** The data and the identity, which `sst dev` needs too (the local server hosts the functions then). */
export function createMailData(config: InfraConfig, production: boolean): MailData {
  const messages = new sst.aws.Dynamo("Messages", {
    fields: { pk: "string", sk: "string", [PENDING_ATTRIBUTE]: "string", [NEXT_ATTEMPT_ATTRIBUTE]: "number" },
    primaryIndex: { hashKey: "pk", rangeKey: "sk" },
    globalIndexes: { [PENDING_INDEX]: { hashKey: PENDING_ATTRIBUTE, rangeKey: NEXT_ATTEMPT_ATTRIBUTE } },
    // Messages, and what is left of them once delivered, go 30 days after they arrived.
    ttl: "expiresAt",
    deletionProtection: production,
  });
  // An address identity: AWS mails it a link to confirm once. It is also the recipient,
  // so sending works in SES's sandbox (docs/deploy.md).
  const sender = new sst.aws.Email("Sender", { sender: config.ownerEmail });
  // Signs the form's timestamp, hashes client addresses, and makes CloudFront's origin header.
  const formKey = new sst.Secret("ContactFormKey");
  return { messages, sender, formKey };
}

type Deployed = { targets: Targets; mail: MailData; router?: sst.aws.Router };

/** The API, its route on the Router and the two schedules (not under `sst dev`: see site.ts). */
export function createContactApi(config: InfraConfig, { targets, mail, router }: Deployed) {
  const fn = (
    role: Role & keyof typeof HANDLERS,
    link: sst.aws.FunctionArgs["link"],
    timeout: `${number} seconds`,
  ): sst.aws.FunctionArgs => ({
    handler: HANDLERS[role],
    runtime: FUNCTION_RUNTIME,
    // As the site: 20% cheaper per GB-second, and nothing native in these bundles.
    architecture: "arm64",
    // CPU comes with memory: a cold start loads the AWS SDK and zod in well under a second.
    memory: "512 MB",
    timeout,
    link,
    permissions: deployedPermissions([role], targets),
    nodejs: { esbuild: { conditions: ESBUILD_CONDITIONS } },
    logging: { retention: "1 month" },
  });

  const api = new sst.aws.ApiGatewayV2("ContactApi", {
    // Same origin through the Router: no browser needs CORS, so none is allowed.
    cors: false,
    transform: {
      stage: (args) => {
        args.defaultRouteSettings = {
          throttlingRateLimit: config.contactRateLimit,
          throttlingBurstLimit: config.contactBurstLimit,
        };
      },
    },
  });
  const route = api.route(
    `POST ${CONTACT_PATH}`,
    fn("contactApi", [mail.messages, mail.sender, mail.formKey], "15 seconds"),
  );
  router?.route(CONTACT_PATH, api.url);

  const retry = new sst.aws.CronV2("ContactRetry", {
    schedule: `rate(${RETRY_EVERY_MINUTES} minutes)`,
    function: fn("contactRetry", [mail.messages, mail.sender], "60 seconds"),
  });
  const digest = new sst.aws.CronV2("Digest", {
    schedule: `cron(0 ${config.digestHour} * * ? *)`,
    timezone: config.timeZone,
    // A failed run is tried again (twice) by EventBridge Scheduler.
    retries: 2,
    function: fn("digest", [mail.messages, mail.sender, targets.visits], "60 seconds"),
  });

  const functionNames = [route.nodes.function, retry.nodes.function, digest.nodes.function].map(
    (f) => f.name,
  );
  return { api, functionNames };
}
