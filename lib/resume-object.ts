/** Where the resume lives in the private bucket; shared by the app and the local-AWS seeder. */
export const RESUME_KEY = "resume.pdf";
