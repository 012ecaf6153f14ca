import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { greatest } from '../../db/engine-sql';
import { patients, timelineEvents, type ContactMethod, type EventKind, type Sector } from '../../db/schema';
import type { Actor } from '../access/actor';
import { writeAudit } from '../audit/write-audit';
import { newEventId } from '../ids';

export type NewEvent = {
  patientId: string;
  kind: EventKind;
  summary: string;
  body?: string;
  occurredAt?: number;
  contactMethod?: ContactMethod | null;
  subjectType?: string | null;
  subjectId?: string | null;
  amendsEventId?: string | null;
  carerVisible?: boolean;
  /** A contact with the person recorded as something else (a discharge follow-up call or visit): counts as their last contact. */
  countsAsContact?: boolean;
  /**
   * For carenav's own scheduled work only: the organisation and sector the event belongs to
   * (otherwise they are the actor's).
   */
  onBehalfOf?: { organisationId: string | null; sector: Sector };
};

type Tx = Pick<Db, 'insert' | 'update'>;

/**
 * Records a change to a person's record: the timeline event, inside the same transaction as the
 * change itself. Within a call the executor writes the audit row (naming this person) in that
 * transaction; outside one, it is written here.
 */
export async function appendEvent(tx: Tx, actor: Actor, event: NewEvent, now = Date.now()): Promise<string> {
  const id = newEventId();
  await tx
    .insert(timelineEvents)
    .values({
      id,
      patientId: event.patientId,
      kind: event.kind,
      contactMethod: event.contactMethod ?? null,
      summary: event.summary,
      body: event.body ?? '',
      occurredAt: event.occurredAt ?? now,
      recordedAt: now,
      actorUserId: actor.userId,
      organisationId: event.onBehalfOf ? event.onBehalfOf.organisationId : actor.organisationId,
      sector: event.onBehalfOf?.sector ?? actor.sector ?? 'carer',
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId ?? null,
      amendsEventId: event.amendsEventId ?? null,
      carerVisible: event.carerVisible ?? false,
    })
    .run();
  if (event.kind === 'contact' || event.countsAsContact) {
    // Kept on the record so the caseload and the MDT worklist know the last contact without scanning the timeline.
    // max(): recording an older contact late must not make the last contact look older than it is.
    await tx
      .update(patients)
      .set({ lastContactAt: greatest(sql`coalesce(${patients.lastContactAt}, 0)`, event.occurredAt ?? now) })
      .where(eq(patients.id, event.patientId))
      .run();
  }
  if (actor.access?.audit) {
    actor.access.audit.people([event.patientId]);
    return id;
  }
  // Work outside a user's call (scheduled escalation, an invitation accepted before sign-in): its row is written here.
  await writeAudit(
    tx,
    actor,
    {
      action: actor.access?.action ?? `timeline.${event.kind}`,
      patientId: event.patientId,
      outcome: 'granted',
      rule: actor.access?.rule ?? '',
    },
    now,
  );
  return id;
}
