import type { AnchorHTMLAttributes } from 'react';

/**
 * A link in a row of a list: a plain anchor, not next/link. next/link is a client component, so each
 * one is rendered twice on the server (the page's payload and its HTML) and set up again in the
 * browser, where it may prefetch its page as it scrolls into view: with two in each of 25 rows that
 * was about a tenth of a list page's server time (#18). Following one loads the page afresh.
 */
export function RowLink(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} />;
}
