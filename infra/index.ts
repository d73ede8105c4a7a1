// Everything `sst deploy` creates, in the order it depends on. Each module says why it
// looks the way it does; docs/deploy.md covers deploying and the settings.
import { encryptBuildEnvironments, encryptRouterFunctionCode } from "./build-environment";
import { loadInfraConfig } from "./config";
import { createContactApi, createMailData } from "./contact";
import { trustOnlyLambda } from "./lambda-trust";
import { restrictLinks } from "./links";
import { createMonitoring } from "./monitoring";
import { createSite } from "./site";
import { createStorage } from "./storage";

export function createInfrastructure({ production }: { production: boolean }) {
  const config = loadInfraConfig(process.env, { production });
  // These change how SST creates resources, so they come before any resource.
  trustOnlyLambda();
  encryptBuildEnvironments();
  encryptRouterFunctionCode();
  restrictLinks();

  const storage = createStorage(config, production);
  const mail = createMailData(config, production);
  const targets = {
    visits: storage.table,
    dailyVisitors: storage.daily,
    resume: storage.bucket,
    messages: mail.messages,
    sender: mail.sender,
  };
  const { site, router, concurrency } = createSite(config, targets, mail);
  // Under `sst dev` Next.js runs locally, and the local server runs the contact function
  // and the retry job itself (with the dev role): a personal stage gets no server
  // function to watch, no API, no schedules and no alarms.
  const contact = $dev ? undefined : createContactApi(config, { targets, mail, router });
  const monitoring =
    contact &&
    createMonitoring(config, {
      site,
      table: storage.table,
      contactFunctions: contact.functionNames,
      production,
    });

  return {
    url: site.url,
    bucket: storage.bucket.name,
    table: storage.table.name,
    dailyVisitors: storage.daily.name,
    messages: mail.messages.name,
    contactApi: contact?.api.url,
    dashboard: monitoring?.dashboard.dashboardName,
    // Says whether the server's concurrency was reserved, and if not, why (infra/concurrency.ts).
    concurrency: concurrency?.apply((plan) => plan.summary),
  };
}
