import Link from 'next/link';

/**
 * The links under a list paged by keyset: on to the next page (when there is one), and back to the
 * first from a later page. `next` and `first` are the addresses, or null when not offered.
 */
export function Pager({
  next,
  first,
  nextLabel,
  firstLabel = 'Back to the first page',
}: {
  next: string | null;
  first: string | null;
  nextLabel: string;
  firstLabel?: string;
}) {
  return (
    <>
      {next && (
        <p>
          <Link href={next}>{nextLabel}</Link>
        </p>
      )}
      {first && (
        <p>
          <Link href={first}>{firstLabel}</Link>
        </p>
      )}
    </>
  );
}
