import type { ReactNode } from "react";

/** The frame of the 404 and error pages: the site's look, one message, one way on. */
export function StatusPage({ code, title, children }: { code: string; title: string; children: ReactNode }) {
  return (
    <div className="page">
      <main id="main" className="status-page">
        <p className="status-code" aria-hidden="true">
          {code}
        </p>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
