// Alarms, the dashboard and (in production) the cost budget, all reporting to one topic.
import { createAlarms } from "./alarms";
import { createAlertTopic } from "./alert-topic";
import { createContactAlarms } from "./contact-alarms";
import { createBudget } from "./budget";
import type { InfraConfig } from "../config";
import { createDashboard } from "./dashboard";

type Monitored = {
  site: sst.aws.Nextjs;
  table: sst.aws.Dynamo;
  /** The contact API's function, the retry job's and the digest's. */
  contactFunctions: $util.Output<string>[];
  production: boolean;
};

export function createMonitoring(
  config: InfraConfig,
  { site, table, contactFunctions, production }: Monitored,
) {
  // `sst dev` runs Next.js on the developer's machine: there is no server function then.
  const server = site.nodes.server;
  if (!server) throw new Error("Monitoring needs the deployed server function; skip it under `sst dev`.");
  const functionName = server.apply((fn) => {
    if (!fn) throw new Error("The site has no server function to monitor.");
    return fn.nodes.function.name;
  });
  const topic = createAlertTopic(config);
  createAlarms({ functionName, tableName: table.name, topic });
  createContactAlarms({ contactFunctions, topic });
  const dashboard = createDashboard(functionName);
  // The budget covers the whole account: one is enough, and preview stages come and go.
  if (production) createBudget(config, topic);
  return { topic, dashboard };
}
