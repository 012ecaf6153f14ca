import Link from 'next/link';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Page not found</h1>
        <p>If you typed the web address, check it is correct. If you followed a link, the record may no longer exist.</p>
        <p>
          <Link href="/">Go to your home page</Link>
        </p>
      </div>
    </div>
  );
}
