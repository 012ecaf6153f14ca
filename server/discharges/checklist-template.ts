import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checklistItems } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, NotFound } from '../errors';
import { newId } from '../ids';
import { IdSchema, requiredText } from '../validation';
import { DISCHARGE_PATHWAYS, type DischargePathway } from '../../db/schema';

// The discharge checklist template: a handful of admin settings, so its use cases share one file.
// Every change is audited; discharges already flagged keep the checklist they were given.

export async function listChecklist(db: Pick<Db, 'select'>) {
  return await db.select().from(checklistItems).orderBy(asc(checklistItems.position)).all();
}

const audit = (_db: unknown, actor: Actor, what: string) => actor.access?.audit?.detail(what);

const ALL_PATHWAYS = DISCHARGE_PATHWAYS.join('');

/**
 * Which discharge-to-assess pathways an item is for: a list ([0, 1]) or, as the form sends its tick
 * boxes, their digits ("01"). Stored as the digits in order. At least one.
 */
const PathwaysField = z.preprocess(
  (v) => (typeof v === 'string' && v.length <= 20 ? [...v.replace(/[\s,]/g, '')].map(Number) : v),
  z
    .array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'Pathways are 0, 1, 2 or 3' }), {
      error: 'Choose the pathways whose discharges get this item',
    })
    .min(1, 'Choose at least one pathway whose discharges get this item')
    .transform((list) => DISCHARGE_PATHWAYS.filter((p) => list.includes(p)).join('')),
);

/** The items a discharge on this pathway gets: those for its pathway, and always the follow-up contact. */
export function checklistForPathway<T extends { kind: string; pathways: string }>(items: T[], pathway: DischargePathway): T[] {
  return items.filter((i) => i.kind === 'follow_up' || i.pathways.includes(String(pathway)));
}

export const AddChecklistItemSchema = z.object({
  title: requiredText('Item', 200, 'Enter the checklist item'),
  /** Every pathway unless chosen. */
  pathways: PathwaysField.optional(),
});

export async function addChecklistItem(db: Db, actor: Actor, input: z.infer<typeof AddChecklistItemSchema>): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const items = await listChecklist(tx);
    if (items.some((i) => i.title.toLowerCase() === input.title.toLowerCase())) {
      throw new Conflict('The checklist already has this item.', { field: 'title' });
    }
    // New items go before the follow-up, which always comes last.
    const followUp = items.find((i) => i.kind === 'follow_up');
    const position = followUp ? followUp.position : (items.at(-1)?.position ?? 0) + 1;
    if (followUp)
      await tx
        .update(checklistItems)
        .set({ position: followUp.position + 1 })
        .where(eq(checklistItems.id, followUp.id))
        .run();
    const id = newId();
    const pathways = input.pathways ?? ALL_PATHWAYS;
    await tx.insert(checklistItems).values({ id, title: input.title, kind: 'task', position, pathways }).run();
    audit(tx, actor, `added checklist item “${input.title}” for ${pathwaysInWords(pathways)}`);
    return { id };
  });
}

export const ChecklistItemSchema = z.object({ itemId: IdSchema('Checklist item') });

async function loadItem(db: Pick<Db, 'select'>, itemId: string) {
  const item = await db.select().from(checklistItems).where(eq(checklistItems.id, itemId)).get();
  if (!item) throw new NotFound('This checklist item does not exist.');
  return item;
}

export async function removeChecklistItem(db: Db, actor: Actor, input: z.infer<typeof ChecklistItemSchema>): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const item = await loadItem(tx, input.itemId);
    // Without the follow-up, no discharge could ever be followed up and the loop never closes.
    if (item.kind === 'follow_up') throw new Conflict('The follow-up contact cannot be removed: change its window instead.');
    await tx.delete(checklistItems).where(eq(checklistItems.id, item.id)).run();
    audit(tx, actor, `removed checklist item “${item.title}”`);
    return { id: item.id };
  });
}

/** "pathways 0 and 1", "every pathway": for the audit and the checklist page. */
export function pathwaysInWords(pathways: string): string {
  if (pathways === ALL_PATHWAYS) return 'every pathway';
  const list = pathways.split('');
  return list.length === 1 ? `pathway ${list[0]}` : `pathways ${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

export const SetChecklistItemPathwaysSchema = z.object({ itemId: IdSchema('Checklist item'), pathways: PathwaysField });

/** Which pathways' discharges get an item from now on (discharges already flagged keep their checklist). */
export async function setChecklistItemPathways(
  db: Db,
  actor: Actor,
  input: z.infer<typeof SetChecklistItemPathwaysSchema>,
): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (item.kind === 'follow_up')
      throw new Conflict('The follow-up contact is for every discharge: it cannot be limited to some pathways.');
    const pathways = input.pathways;
    await tx.update(checklistItems).set({ pathways }).where(eq(checklistItems.id, item.id)).run();
    audit(tx, actor, `set checklist item “${item.title}” for ${pathwaysInWords(pathways)}`);
    return { id: item.id };
  });
}

export const MoveChecklistItemSchema = ChecklistItemSchema.extend({
  direction: z.enum(['up', 'down'], { error: 'Choose up or down' }),
});

export async function moveChecklistItem(db: Db, actor: Actor, input: z.infer<typeof MoveChecklistItemSchema>): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const items = await listChecklist(tx);
    const index = items.findIndex((i) => i.id === input.itemId);
    if (index === -1) throw new NotFound('This checklist item does not exist.');
    const other = items[input.direction === 'up' ? index - 1 : index + 1];
    const item = items[index]!;
    if (!other) throw new Conflict(`This item is already ${input.direction === 'up' ? 'first' : 'last'}.`);
    if (item.kind === 'follow_up' || other.kind === 'follow_up') throw new Conflict('The follow-up contact always comes last.');
    await tx.update(checklistItems).set({ position: other.position }).where(eq(checklistItems.id, item.id)).run();
    await tx.update(checklistItems).set({ position: item.position }).where(eq(checklistItems.id, other.id)).run();
    audit(tx, actor, `moved checklist item “${item.title}” ${input.direction}`);
    return { id: item.id };
  });
}

export const SetFollowUpWindowSchema = z.object({
  hours: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ error: 'Enter the follow-up window in hours' })
      .int('Enter a whole number of hours')
      .min(1, 'The follow-up window must be at least 1 hour')
      .max(168, 'The follow-up window must be 168 hours (7 days) or less'),
  ),
});

export async function setFollowUpWindow(db: Db, actor: Actor, input: z.infer<typeof SetFollowUpWindowSchema>): Promise<{ hours: number }> {
  return await db.transaction(async (tx) => {
    const changed = await tx.update(checklistItems).set({ followUpHours: input.hours }).where(eq(checklistItems.kind, 'follow_up')).run();
    if (changed.changes === 0) throw new NotFound('The checklist has no follow-up item.');
    audit(tx, actor, `set the follow-up window to ${input.hours} hours`);
    return { hours: input.hours };
  });
}
