import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../../db/factories';
import { checkNewPassword, newPasswordField, passwordPolicyProblem } from './password-policy';

const JO = ['Jo Bloggs', 'jo.bloggs@example.nhs.uk', 'Riverside Primary Care Network'];

describe('password policy (#16 finding 17: NCSC deny-list, not length alone)', () => {
  it('refuses long passwords that are only repetition, common or keyboard patterns, naming the field and saying what to do', () => {
    expect(passwordPolicyProblem('aaaaaaaaaaaa')).toBe(
      'Password: repeated letters or numbers like "aaa" are easy to guess. Add another word or two.',
    );
    for (const weak of ['password1234', 'Password123!', 'qwertyuiop123', 'letmein12345', 'iloveyou2024', DEMO_PASSWORD]) {
      expect(passwordPolicyProblem(weak), weak).toMatch(/^Password: .*(common|guess).*\. /);
    }
  });

  it('keeps the length limits, with the label of the field', () => {
    expect(passwordPolicyProblem('short', [], 'New password')).toBe('New password must be at least 12 characters');
    expect(passwordPolicyProblem('x'.repeat(201))).toBe('Password must be 200 characters or fewer');
  });

  it('accepts a few unrelated words', () => {
    for (const good of ['plum orchard lantern', 'kettle marmalade bicycle', 'a long enough password', 'correct horse battery staple']) {
      expect(passwordPolicyProblem(good, JO), good).toBeNull();
    }
  });

  it('refuses a password built on the person’s own name, email address or organisation', () => {
    expect(passwordPolicyProblem('Jo Bloggs 2024!')).toBeNull();
    expect(passwordPolicyProblem('Jo Bloggs 2024!', JO)).toBe(
      'Password: it must not contain your name, email address or organisation. Add another word or two.',
    );
    expect(passwordPolicyProblem('riversideprimarycarenetwork', JO)).toMatch(/your name, email address or organisation/);
    expect(passwordPolicyProblem('jo.bloggs@example.nhs.uk', JO)).toMatch(/your name, email address or organisation/);
  });

  it('works as a zod refinement with the form’s own fields as personal words', () => {
    const schema = z
      .object({ name: z.string(), password: z.string() })
      .superRefine((v, ctx) => checkNewPassword(ctx, v.password, { path: 'password', userInputs: [v.name] }));
    const result = schema.safeParse({ name: 'Jo Bloggs', password: 'jobloggs-rules' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['password'], 'Password: it must not contain your name, email address or organisation. Add another word or two.'],
    ]);
    expect(newPasswordField('New password').safeParse('aaaaaaaaaaaa').error?.issues[0]?.message).toMatch(/^New password: repeated/);
    expect(newPasswordField().safeParse('plum orchard lantern').success).toBe(true);
  });
});
