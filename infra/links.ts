// SST's default link grants `dynamodb:*` on a linked table and `s3:*` on a linked bucket.
// Linkable.wrap replaces that, for every instance of the class, with the definition
// registered here for that instance: the link still provides `Resource.<Name>.name` to
// the app, but grants only what infra/permissions.ts lists, on our ARNs only.
import { siteRolePermissions } from "./permissions";

type Definition = ReturnType<sst.aws.Dynamo["getSSTLink"]>;

const definitions = new Map<unknown, Definition>();

function lookUp(resource: unknown, kind: string): Definition {
  const definition = definitions.get(resource);
  if (!definition) {
    // Falling back to SST's default would silently grant the wildcard again.
    throw new Error(`Linking this ${kind} needs its permissions declared in infra/links.ts.`);
  }
  return definition;
}

/** Makes links to `table` and `bucket` grant exactly what the app's code uses. */
export function restrictLinks(table: sst.aws.Dynamo, bucket: sst.aws.Bucket): void {
  const permissions = siteRolePermissions({
    visitsTable: table.arn,
    resumeBucket: bucket.arn,
    within: (arn, path) => $interpolate`${arn}/${path}`,
  });
  definitions.set(table, {
    properties: { name: table.name },
    include: permissions.Visits.map((p) => sst.aws.permission(p)),
  });
  definitions.set(bucket, {
    properties: { name: bucket.name },
    include: permissions.Resume.map((p) => sst.aws.permission(p)),
  });
  sst.Linkable.wrap(sst.aws.Dynamo, (resource) => lookUp(resource, "table"));
  sst.Linkable.wrap(sst.aws.Bucket, (resource) => lookUp(resource, "bucket"));
}
