// SST's default links grant `dynamodb:*` on a linked table, `s3:*` on a linked bucket, and
// `ses:*` (plus ses:Send* on "*") for a linked Email. Here a link grants nothing: it only
// gives the function the resource's name (`Resource.<Name>.name`, `.sender`, …), and each
// function's role gets exactly its own list from infra/permissions.ts, through
// rolePermissions() on the deployed ARNs. Two functions linking the same table can then
// hold different actions.
import { type Permission, type Role, rolePermissions } from "./permissions";

export type Targets = {
  visits: sst.aws.Dynamo;
  dailyVisitors: sst.aws.Dynamo;
  resume: sst.aws.Bucket;
  messages: sst.aws.Dynamo;
  sender: sst.aws.Email;
};

/** Makes every table, bucket and email link carry its properties and no permissions. */
export function restrictLinks(): void {
  sst.Linkable.wrap(sst.aws.Dynamo, (table) => ({ properties: { name: table.name } }));
  sst.Linkable.wrap(sst.aws.Bucket, (bucket) => ({ properties: { name: bucket.name } }));
  sst.Linkable.wrap(sst.aws.Email, (email) => ({
    properties: { sender: email.sender, configSet: email.configSet },
  }));
}

/** The IAM statements for a function that holds these roles' grants, on our resources' ARNs. */
export function deployedPermissions(roles: Role[], targets: Targets): Permission<$util.Input<string>>[] {
  return rolePermissions<$util.Input<string>>(roles, {
    visitsTable: targets.visits.arn,
    dailyVisitorsTable: targets.dailyVisitors.arn,
    resumeBucket: targets.resume.arn,
    messagesTable: targets.messages.arn,
    senderIdentity: targets.sender.nodes.identity.arn,
    senderConfigSet: targets.sender.nodes.configurationSet.arn,
    within: (arn, path) => $interpolate`${arn}/${path}`,
  });
}
