// What the page needs to render the contact form: a fresh signed timestamp.
import "server-only";
import { Resource } from "sst";
import { issueFormToken } from "./form-token";

export const newFormToken = () => issueFormToken(Resource.ContactFormKey.value);
