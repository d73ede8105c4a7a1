// SST's default links grant `dynamodb:*` on a linked table, `s3:*` on a linked bucket, and
// `ses:*` (plus ses:Send* on "*") for a linked Email. Here a link grants nothing: it only
// gives the function the resource's name (`Resource.<Name>.name`, `.sender`, …), and each
// function's role gets exactly its own list from infra/permissions.ts, through
// rolePermissions(). Two functions linking the same table can then hold different actions.
import { PENDING_INDEX } from "../lib/contact/pending-index";
import { type Grant, RESUME_OBJECT_KEYS, ROLE_GRANTS, type Role } from "./permissions";

export type Targets = {
  visits: sst.aws.Dynamo;
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
export function rolePermissions(roles: Role[], targets: Targets) {
  return roles.flatMap((role) =>
    (ROLE_GRANTS[role] as readonly Grant[]).map((grant) => ({
      actions: [...grant.actions],
      resources: resourcesOf(grant, targets),
    })),
  );
}

function resourcesOf({ on }: Grant, { visits, resume, messages, sender }: Targets): $util.Input<string>[] {
  switch (on) {
    case "visits":
      return [visits.arn];
    case "resumeObjects":
      return RESUME_OBJECT_KEYS.map((key) => $interpolate`${resume.arn}/${key}`);
    case "messages":
      return [messages.arn];
    case "pendingIndex":
      return [$interpolate`${messages.arn}/index/${PENDING_INDEX}`];
    case "sender":
      // The identity has a default configuration set, and IAM checks both (SES SendEmail).
      return [sender.nodes.identity.arn, sender.nodes.configurationSet.arn];
  }
}
