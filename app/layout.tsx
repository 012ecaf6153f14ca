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
  const unread = actor ? await caller.notifications.unreadCount() : 0;
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
          navigation={actor ? navigationFor(actor.role) : []}
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
