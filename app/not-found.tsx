import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="page status-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link className="button primary" href="/">
          Back to the portfolio
        </Link>
      </p>
    </main>
  );
}
