import { redirect } from 'next/navigation';
import { getActor } from '../../server/auth/get-actor';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import { env } from '../../server/env';
import { LoginForm } from './login-form';
import { ROLE_HOME } from '../../server/access/permissions';

export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  const actor = await getActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  const demo = env().CARENAV_DEMO;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sign in to carenav</h1>
        <LoginForm />
        {demo && (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Demo accounts</span>
            </summary>
            <div className="nhsuk-details__text">
              <p>This is a demo with made-up people. Every account’s password is demo-password.</p>
              <ul>
                {DEMO_ACCOUNTS.map((a) => (
                  <li key={a.email}>
                    {a.email}: {a.who}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        )}
      </div>
    </div>
  );
}
