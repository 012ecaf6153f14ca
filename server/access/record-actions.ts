import type { Permission } from './permissions';
import type { AccessDecision } from './policy';

/** The changes offered on a person's record pages, each by the permission its use case asks the policy for. */
export const RECORD_ACTIONS = [
  'patient.edit',
  'patient.assignNamedContact',
  'handoff.offer',
  'careTeam.edit',
  'consent.record',
  'timeline.write',
  'task.create',
  'referral.send',
  'discharge.flag',
  'carer.invite',
  'wellbeing.record',
] as const satisfies readonly Permission[];
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/**
 * What the actor may change on this person's record, asked of the same policy, on the same facts,
 * as the executor will ask when the change is sent: the pages offer only these. `refused` says why
 * each other one is not offered, in the policy's words, for a page opened directly.
 */
export type RecordPermissions = { may: Record<RecordAction, boolean>; refused: Partial<Record<RecordAction, string>> };

export function recordPermissions(decide: (permission: Permission) => AccessDecision): RecordPermissions {
  const may = {} as Record<RecordAction, boolean>;
  const refused: Partial<Record<RecordAction, string>> = {};
  for (const action of RECORD_ACTIONS) {
    const decision = decide(action);
    may[action] = decision.allowed;
    if (!decision.allowed) refused[action] = decision.explanation;
  }
  return { may, refused };
}
