'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** On the 403 page for a person's record: the way to ask for emergency (break-glass) access. */
export function EmergencyAccessLink() {
  const path = usePathname();
  const match = /^\/patients\/([0-9a-f-]{36})(\/|$)/.exec(path);
  if (!match || path.endsWith('/emergency-access')) return null;
  return (
    <p>
      If this is an emergency and you must see this record to care for the person now,{' '}
      <Link href={`/patients/${match[1]}/emergency-access`}>ask for emergency access</Link>. It is recorded and reviewed.
    </p>
  );
}
