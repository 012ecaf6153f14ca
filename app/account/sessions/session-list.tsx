'use client';

import { useActionState, useState } from 'react';
import { Button, SummaryList, Tag } from 'nhsuk-react-components';
import type { FormResult } from '../../../server/trpc/form-result';
import { FormErrors } from '../../components/form-errors';
import { endOtherSessionsAction, endSessionAction } from '../actions';
import { ActionForm } from '../../components/action-form';

export type SessionView = { handle: string; device: string; ip: string | null; started: string; lastActive: string; current: boolean };

/** The outcome of the last sign-out, kept above the list: the session it was about is gone from it. */
function Outcome({ state }: { state: FormResult | null }) {
  if (!state) return null;
  if (!state.ok) return <FormErrors result={state} />;
  return (
    <div className="nhsuk-inset-text" role="status">
      <p>{state.message}</p>
    </div>
  );
}

export function SessionList({ sessions }: { sessions: SessionView[] }) {
  // One outcome for every form on the page: each per-session form posts to the same action.
  const [state, endOne, endingOne] = useActionState<FormResult | null, FormData>(endSessionAction, null);
  const [othersState, endOthers, endingOthers] = useActionState<FormResult | null, FormData>(endOtherSessionsAction, null);
  const [confirming, setConfirming] = useState(false);
  // Once the answer comes back, the confirmation has done its job (the form stays mounted until then).
  const [answered, setAnswered] = useState(othersState);
  if (othersState !== answered) {
    setAnswered(othersState);
    setConfirming(false);
  }
  const others = sessions.filter((s) => !s.current);
  const latest = !state ? othersState : !othersState ? state : (state.at ?? 0) > (othersState.at ?? 0) ? state : othersState;

  return (
    <>
      <Outcome state={latest} />
      {sessions.map((s, i) => {
        const headingId = `session-${i}-heading`;
        return (
          <section key={s.handle} aria-labelledby={headingId} className="nhsuk-card">
            <div className="nhsuk-card__content">
              <h2 id={headingId} className="nhsuk-card__heading nhsuk-heading-m">
                {s.device} {s.current && <Tag modifier="green">This device</Tag>}
              </h2>
              <SummaryList noBorder>
                <SummaryList.Row>
                  <SummaryList.Key>Signed in</SummaryList.Key>
                  <SummaryList.Value>{s.started}</SummaryList.Value>
                </SummaryList.Row>
                <SummaryList.Row>
                  <SummaryList.Key>Last active</SummaryList.Key>
                  <SummaryList.Value>{s.lastActive}</SummaryList.Value>
                </SummaryList.Row>
                {s.ip && (
                  <SummaryList.Row>
                    <SummaryList.Key>Internet address</SummaryList.Key>
                    <SummaryList.Value>{s.ip}</SummaryList.Value>
                  </SummaryList.Row>
                )}
              </SummaryList>
              {!s.current && (
                <ActionForm state={state} action={endOne}>
                  <input type="hidden" name="handle" value={s.handle} />
                  <Button type="submit" secondary disabled={endingOne} className="nhsuk-u-margin-bottom-0">
                    Sign out
                    <span className="nhsuk-u-visually-hidden">
                      {' '}
                      {s.device}, last active {s.lastActive}
                    </span>
                  </Button>
                </ActionForm>
              )}
            </div>
          </section>
        );
      })}
      {others.length > 0 &&
        (confirming ? (
          <ActionForm state={othersState} action={endOthers}>
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Sign out of all other devices?
                </span>
              </h2>
              <p>
                {others.length === 1 ? 'The other device' : `The ${others.length} other devices`} will be signed out at once. You stay
                signed in on this one.
              </p>
            </div>
            <div className="nhsuk-button-group">
              <Button type="submit" warning disabled={endingOthers}>
                Yes, sign out of all other devices
              </Button>
              <button type="button" className="carenav-link-button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </ActionForm>
        ) : (
          <Button type="button" warning onClick={() => setConfirming(true)}>
            Sign out of all other devices
          </Button>
        ))}
      {others.length === 0 && <p>You are not signed in anywhere else.</p>}
    </>
  );
}
