// SST's default link grants `dynamodb:*` on a linked table and `s3:*` on a linked bucket.
// Linkable.wrap replaces that, for every instance of the class, with the definition
// registered here for that instance: the link still provides `Resource.<Name>.name` to
// the app, but grants only the actions in infra/permissions.ts, on our ARNs only.
import { RESUME_OBJECT_ACTIONS, RESUME_OBJECT_KEYS, VISITS_TABLE_ACTIONS } from "./permissions";

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
  definitions.set(table, {
    properties: { name: table.name },
    include: [sst.aws.permission({ actions: [...VISITS_TABLE_ACTIONS], resources: [table.arn] })],
  });
  definitions.set(bucket, {
    properties: { name: bucket.name },
    include: [
      sst.aws.permission({
        actions: [...RESUME_OBJECT_ACTIONS],
        resources: RESUME_OBJECT_KEYS.map((key) => $interpolate`${bucket.arn}/${key}`),
      }),
    ],
  });
  sst.Linkable.wrap(sst.aws.Dynamo, (resource) => lookUp(resource, "table"));
  sst.Linkable.wrap(sst.aws.Bucket, (resource) => lookUp(resource, "bucket"));
}
