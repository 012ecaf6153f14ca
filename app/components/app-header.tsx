'use client';

import { useEffect, useRef, useState } from 'react';
import { usePathname } from 'next/navigation';
import { signOut } from '../lib/sign-out';
import { trpc } from '../lib/trpc-client';
import { Header } from 'nhsuk-react-components';
import type { NavItem } from '../../server/access/permissions';

type Props = { user: { name: string; roleLabel: string } | null; navigation: NavItem[]; unread: number };

/** Unread notifications, refreshed on each navigation (the layout itself is not re-rendered then). */
function useUnread(initial: number, pathname: string, signedIn: boolean) {
  const [unread, setUnread] = useState(initial);
  // A fresh server render (e.g. after marking notifications read) brings a fresh count.
  useEffect(() => setUnread(initial), [initial]);
  // The server rendered the count for the first page; ask again only after navigating.
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (!signedIn || pathname === firstPath.current) return;
    firstPath.current = '';
    const controller = new AbortController();
    trpc.notifications.unreadCount
      .query(undefined, { signal: controller.signal })
      .then(setUnread)
      // Signed out or offline: keep showing the last count rather than an error in the header.
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname, signedIn]);
  return unread;
}

/** The one menu item this page belongs to: the longest whose address is the page's or a parent of it. */
function sectionOf(navigation: NavItem[], pathname: string): NavItem | undefined {
  return navigation
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

export function AppHeader({ user, navigation, unread: initialUnread }: Props) {
  const pathname = usePathname();
  // Only one item is marked: "Add a person" (/patients/new) is not also "Search" (/patients).
  const section = sectionOf(navigation, pathname);
  const unread = useUnread(initialUnread, pathname, !!user);
  return (
    // Keyed by its menu: the design system sizes the menu (and folds what does not fit into "More") when the
    // header mounts, so a menu that appears later (after a temporary password is replaced) needs a fresh one.
    <Header key={navigation.map((n) => n.href).join(' ')} service={{ text: 'carenav', href: '/' }}>
      {user && (
        <Header.Account aria-label="Your account">
          <Header.AccountItem icon>
            {user.name} ({user.roleLabel})
          </Header.AccountItem>
          <Header.AccountItem href="/account">Your account</Header.AccountItem>
          <Header.AccountItem href="/notifications">Notifications{unread > 0 ? ` (${unread} unread)` : ''}</Header.AccountItem>
          {/* A plain button, not a submit: pressed before the page's script has loaded, it must not submit the design system's surrounding form (a reload of the page). */}
          <Header.AccountItem as="button" type="button" onClick={() => void signOut('/login')}>
            Sign out
          </Header.AccountItem>
        </Header.Account>
      )}
      {navigation.length > 0 && (
        <Header.Navigation aria-label="Menu">
          {navigation.map((item) => (
            <Header.NavigationItem
              key={item.href}
              href={item.href}
              current={item === section && pathname === item.href}
              active={item === section && pathname !== item.href}
            >
              {item.label}
            </Header.NavigationItem>
          ))}
        </Header.Navigation>
      )}
    </Header>
  );
}
