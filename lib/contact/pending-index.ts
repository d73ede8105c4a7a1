// The Messages table's sparse index of undelivered messages, named in one place for the
// code that queries it, infra/ (which declares it on AWS) and the local provisioning.
// No imports: infra/ bundles this file into the SST config.

export const PENDING_INDEX = "pending";
/** Present only on undelivered messages, always with this value: the index's one partition. */
export const PENDING_ATTRIBUTE = "pending";
export const PENDING = "yes";
/** When the next delivery attempt is due (epoch ms): the index's sort key. */
export const NEXT_ATTEMPT_ATTRIBUTE = "nextAttemptAt";
