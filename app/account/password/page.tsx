import { PASSWORD_RULES } from '../../../server/auth/password-policy';
import { accountCaller } from '../../lib/guard';
import { ChangePasswordForm } from './password-form';

export const metadata = { title: 'Change your password' };

export default async function ChangePasswordPage() {
  // Open to a user still on an administrator's temporary password: every other page sends them here.
  const { actor } = await accountCaller();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Change your password</h1>
        {actor.mustChangePassword ? (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                Choose your own password
              </span>
            </h2>
            <p>Your administrator set a temporary password. Choose your own password to continue.</p>
          </div>
        ) : (
          <p>You will stay signed in here. Anywhere else you are signed in, you will be signed out.</p>
        )}
        <ChangePasswordForm passwordRules={PASSWORD_RULES} />
      </div>
    </div>
  );
}
