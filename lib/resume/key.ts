/** Where the resume lives in the private bucket; shared by the app, the upload tool, the local-AWS seeder and infra/permissions.ts. */
export const RESUME_KEY = "resume.pdf";
