// Not part of the baseline's work: OpenNext 4.1 fails to package a Turbopack build that
// has no proxy (it expects .next/server/middleware.js in the standalone output), so the
// baseline has one that matches no page.
import { NextResponse } from "next/server";

export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: "/never-requested" };
