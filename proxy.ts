import { type NextRequest, NextResponse } from "next/server";
import { METHOD_HEADER } from "@/lib/visitor-request";

/**
 * Runs before every page render. A server component cannot see the request method,
 * and HEAD requests must not count as visits, so the method travels on as a request
 * header; any value a client sent under that name is overwritten.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(METHOD_HEADER, request.method);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: static assets, images and API routes need no method hint.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
