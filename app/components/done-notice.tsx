import type { ReactNode } from 'react';

/**
 * The confirmation after a one-click action (pick up, accept, complete…), from the page's `?done=`,
 * like the administrators' pages. The address says only which kind of change: nothing personal.
 */
export function DoneNotice({ done, messages }: { done?: string | string[]; messages: Record<string, ReactNode> }) {
  const kind = typeof done === 'string' && Object.hasOwn(messages, done) ? done : null;
  if (!kind) return null;
  return (
    <div className="nhsuk-inset-text" role="status">
      <p>{messages[kind]}</p>
    </div>
  );
}
