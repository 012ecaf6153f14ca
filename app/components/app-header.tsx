'use client';

import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { Header } from 'nhsuk-react-components';
import type { NavItem } from '../../server/access/permissions';

type Props = { user: { name: string; roleLabel: string } | null; navigation: NavItem[] };

export function AppHeader({ user, navigation }: Props) {
  const pathname = usePathname();
  return (
    <Header service={{ text: 'carenav', href: '/' }}>
      {user && (
        <Header.Account aria-label="Your account">
          <Header.AccountItem icon>
            {user.name} ({user.roleLabel})
          </Header.AccountItem>
          <Header.AccountItem as="button" onClick={() => void signOut({ callbackUrl: '/login' })}>
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
              current={pathname === item.href}
              active={pathname !== item.href && pathname.startsWith(`${item.href}/`) && item.href !== '/patients/new'}
            >
              {item.label}
            </Header.NavigationItem>
          ))}
        </Header.Navigation>
      )}
    </Header>
  );
}
