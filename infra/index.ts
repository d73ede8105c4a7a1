// Everything `sst deploy` creates, in the order it depends on. Each module says why it
// looks the way it does; docs/deploy.md covers deploying and the settings.
import { encryptBuildEnvironments } from "./build-environment";
import { loadInfraConfig } from "./config";
import { trustOnlyLambda } from "./lambda-trust";
import { restrictLinks } from "./links";
import { createMonitoring } from "./monitoring";
import { createSite } from "./site";
import { createStorage } from "./storage";

export function createInfrastructure({ production }: { production: boolean }) {
  const config = loadInfraConfig(process.env);
  // Both change how SST creates resources, so they come before any resource.
  trustOnlyLambda();
  encryptBuildEnvironments();

  const storage = createStorage(config, production);
  restrictLinks(storage.table, storage.bucket);
  const { site, concurrency } = createSite(config, storage);
  // Under `sst dev` Next.js runs locally, so there is no server function to watch.
  const monitoring = $dev ? undefined : createMonitoring(config, { site, table: storage.table, production });

  return {
    url: site.url,
    bucket: storage.bucket.name,
    table: storage.table.name,
    dashboard: monitoring?.dashboard.dashboardName,
    // Says whether the server's concurrency was reserved, and if not, why (infra/concurrency.ts).
    concurrency: concurrency?.apply((plan) => plan.summary),
  };
}
