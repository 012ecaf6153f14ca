import { describe, expect, it } from 'vitest';
import { refusedUntilPasswordChanged } from './temporary-password';

describe('refusedUntilPasswordChanged (#16 finding 17)', () => {
  it('refuses everything but changing the password while an administrator’s temporary password is in use', () => {
    for (const action of ['patients.search', 'notifications.unreadCount', 'admin.createUser', 'carer.summaries']) {
      expect(refusedUntilPasswordChanged({ mustChangePassword: true }, action), action).toBe(true);
      expect(refusedUntilPasswordChanged({ mustChangePassword: false }, action), action).toBe(false);
      expect(refusedUntilPasswordChanged({}, action), action).toBe(false);
    }
    expect(refusedUntilPasswordChanged({ mustChangePassword: true }, 'account.changePassword')).toBe(false);
  });
});
