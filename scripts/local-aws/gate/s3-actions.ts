// Which IAM action each S3 REST operation needs ("Required permissions for Amazon S3 API
// operations" in the S3 User Guide, and the Service Authorization Reference). An
// operation is a method on a bucket or an object, refined by a subresource in the query
// string (`?versioning`, `?uploads`…). No library maps these, so the table is here.

type ByMethod = Partial<Record<string, string>>;

/** Bucket operations, by subresource ("" for none) and method. */
export const BUCKET_ACTIONS: Record<string, ByMethod> = {
  "": { GET: "s3:ListBucket", HEAD: "s3:ListBucket", PUT: "s3:CreateBucket", DELETE: "s3:DeleteBucket" },
  versioning: { GET: "s3:GetBucketVersioning", PUT: "s3:PutBucketVersioning" },
  versions: { GET: "s3:ListBucketVersions" },
  uploads: { GET: "s3:ListBucketMultipartUploads" },
  location: { GET: "s3:GetBucketLocation" },
  acl: { GET: "s3:GetBucketAcl", PUT: "s3:PutBucketAcl" },
  cors: { GET: "s3:GetBucketCORS", PUT: "s3:PutBucketCORS", DELETE: "s3:PutBucketCORS" },
  policy: { GET: "s3:GetBucketPolicy", PUT: "s3:PutBucketPolicy", DELETE: "s3:DeleteBucketPolicy" },
  tagging: { GET: "s3:GetBucketTagging", PUT: "s3:PutBucketTagging", DELETE: "s3:PutBucketTagging" },
  website: { GET: "s3:GetBucketWebsite", PUT: "s3:PutBucketWebsite", DELETE: "s3:DeleteBucketWebsite" },
  lifecycle: {
    GET: "s3:GetLifecycleConfiguration",
    PUT: "s3:PutLifecycleConfiguration",
    DELETE: "s3:PutLifecycleConfiguration",
  },
  encryption: {
    GET: "s3:GetEncryptionConfiguration",
    PUT: "s3:PutEncryptionConfiguration",
    DELETE: "s3:PutEncryptionConfiguration",
  },
};

/** Object operations, by subresource ("" for none) and method. */
export const OBJECT_ACTIONS: Record<string, ByMethod> = {
  "": { GET: "s3:GetObject", HEAD: "s3:GetObject", PUT: "s3:PutObject", DELETE: "s3:DeleteObject" },
  tagging: { GET: "s3:GetObjectTagging", PUT: "s3:PutObjectTagging", DELETE: "s3:DeleteObjectTagging" },
  acl: { GET: "s3:GetObjectAcl", PUT: "s3:PutObjectAcl" },
  // Multipart uploads are authorised as PutObject, except listing parts and aborting.
  uploads: { POST: "s3:PutObject" },
  uploadId: {
    GET: "s3:ListMultipartUploadParts",
    PUT: "s3:PutObject",
    POST: "s3:PutObject",
    DELETE: "s3:AbortMultipartUpload",
  },
};

/** With `?versionId=`, an action on "the current object" becomes its action on that version. */
export const VERSION_ACTIONS: Record<string, string> = {
  "s3:GetObject": "s3:GetObjectVersion",
  "s3:DeleteObject": "s3:DeleteObjectVersion",
  "s3:GetObjectTagging": "s3:GetObjectVersionTagging",
  "s3:PutObjectTagging": "s3:PutObjectVersionTagging",
  "s3:DeleteObjectTagging": "s3:DeleteObjectVersionTagging",
  "s3:GetObjectAcl": "s3:GetObjectVersionAcl",
  "s3:PutObjectAcl": "s3:PutObjectVersionAcl",
};

/**
 * S3's other subresources. A request for one is refused as not implemented rather than
 * authorised as the plain operation, which would allow more than AWS does.
 */
export const UNMAPPED_SUBRESOURCES = new Set([
  "accelerate",
  "analytics",
  "attributes",
  "intelligent-tiering",
  "inventory",
  "legal-hold",
  "logging",
  "metrics",
  "notification",
  "object-lock",
  "ownershipControls",
  "policyStatus",
  "publicAccessBlock",
  "replication",
  "requestPayment",
  "restore",
  "retention",
  "select",
  "torrent",
]);
