import Link from 'next/link';

/** Tabs between views of one list (caseload, tasks) or sections of a record: plain links, current one marked. */
export function TabNav({ label, tabs, current }: { label: string; tabs: { id: string; href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label={label}>
      <ul className="carenav-tabs">
        {tabs.map((t) => (
          <li key={t.id}>
            <Link href={t.href} aria-current={t.id === current ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
