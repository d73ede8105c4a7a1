"use client";

// Next requires error boundaries to be client components.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="page status-page">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. The error has been logged.</p>
      <p>
        <button type="button" className="button primary" onClick={reset}>
          Try again
        </button>
      </p>
    </main>
  );
}
