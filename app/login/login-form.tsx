'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { Button, ErrorSummary, TextInput } from 'nhsuk-react-components';

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);
  // Whatever the last session left in this tab (a search kept for Back, app/patients/search-form.tsx)
  // is not for whoever signs in next, even when that session ended by timing out, not by signing out.
  useEffect(() => {
    try {
      sessionStorage.clear();
    } catch {
      // Storage unavailable: nothing was kept.
    }
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const rawEmail = data.get('email');
    const rawPassword = data.get('password');
    const email = typeof rawEmail === 'string' ? rawEmail.trim() : '';
    const password = typeof rawPassword === 'string' ? rawPassword : '';
    const problems = {
      email: email ? undefined : 'Enter your email address',
      password: password ? undefined : 'Enter your password',
    };
    setFieldErrors(problems);
    if (problems.email || problems.password) {
      setError(null);
      return;
    }
    setPending(true);
    const result = await signIn('credentials', { email, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error ?? 'Sign-in failed. Try again.');
      return;
    }
    // The home page sends each role to its own home.
    window.location.assign('/');
  }

  const messages = [error, fieldErrors.email, fieldErrors.password].filter(Boolean);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      {messages.length > 0 && (
        <ErrorSummary>
          <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
          <ErrorSummary.List>
            {error && <li>{error}</li>}
            {fieldErrors.email && <ErrorSummary.ListItem href="#email">{fieldErrors.email}</ErrorSummary.ListItem>}
            {fieldErrors.password && <ErrorSummary.ListItem href="#password">{fieldErrors.password}</ErrorSummary.ListItem>}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email address"
        autoComplete="username"
        spellCheck={false}
        error={fieldErrors.email}
      />
      <TextInput
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        error={fieldErrors.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
