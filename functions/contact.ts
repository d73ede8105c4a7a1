// Lambda entry point for POST /api/contact (infra/contact.ts routes API Gateway here).
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { handleContact } from "../lib/contact/handler";

export const handler = (event: APIGatewayProxyEventV2) => handleContact(event);
