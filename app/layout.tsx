import './carenav.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { serverCaller } from '../server/auth/request-context';
import { ROLE_LABELS, navigationFor } from '../server/access/permissions';
import { AppHeader } from './components/app-header';

export const metadata: Metadata = {
  title: { default: 'carenav', template: '%s – carenav' },
  description: 'One record and one named contact for older people with several long-term conditions.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { caller, actor } = await serverCaller();
  // On an administrator's temporary password nothing is open but changing it: no menu, no notifications.
  const limited = !actor || actor.mustChangePassword === true;
  const unread = limited ? 0 : await caller.notifications.unreadCount();
  return (
    <html lang="en-GB">
      <head>
        {/* Copied from nhsuk-frontend at install (scripts/copy-nhsuk-assets.mjs). */}
        <link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css" />
        <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
      </head>
      {/* nhsuk-frontend's scripts refuse to start without this class, which its page template sets for browsers with ES modules: every browser Next supports. */}
      <body className="js-enabled nhsuk-frontend-supported">
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <AppHeader
          user={actor ? { name: actor.name, roleLabel: ROLE_LABELS[actor.role] } : null}
          navigation={limited ? [] : navigationFor(actor.role)}
          unread={unread}
        />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <footer className="nhsuk-footer" role="contentinfo">
          <div className="nhsuk-width-container">
            <p className="nhsuk-body-s">carenav holds health and care records. Every view and change is recorded with your name.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
