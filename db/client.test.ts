import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../test/db';
import { organisationRow } from './factories';
import { organisations } from './schema';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the async database over one SQLite connection (decision 018)', () => {
  it('rolls a transaction back when its callback throws after an await', async () => {
    const db = testDb();
    const org = organisationRow({ name: 'Rolled back' });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(organisations).values(org).run();
        await tick();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await db.select().from(organisations).where(eq(organisations.id, org.id)).get()).toBeUndefined();
  });

  it('keeps a query from outside out of an open transaction: it neither sees its rows nor is rolled back with it', async () => {
    const db = testDb();
    const inside = organisationRow({ name: 'Inside' });
    const outside = organisationRow({ name: 'Outside' });
    const seen: string[] = [];
    const failing = db.transaction(async (tx) => {
      await tx.insert(organisations).values(inside).run();
      await tick(); // the other call chain runs meanwhile
      throw new Error('refused');
    });
    const other = (async () => {
      await tick();
      const row = await db.select().from(organisations).where(eq(organisations.id, inside.id)).get();
      seen.push(row ? 'saw the uncommitted row' : 'saw nothing');
      await db.insert(organisations).values(outside).run();
    })();
    await expect(failing).rejects.toThrow('refused');
    await other;
    expect(seen).toEqual(['saw nothing']);
    expect(await db.select().from(organisations).where(eq(organisations.id, outside.id)).get()).toMatchObject({ name: 'Outside' });
  });

  it('runs transactions one after another, and a transaction inside one as a savepoint', async () => {
    const db = testDb();
    const org = organisationRow({ name: 'v0' });
    await db.insert(organisations).values(org).run();
    const order: string[] = [];
    const bump = (label: string) =>
      db.transaction(async (tx) => {
        order.push(`${label} begins`);
        const { name } = (await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, org.id)).get())!;
        await tick();
        await tx
          .update(organisations)
          .set({ name: `${name}+${label}` })
          .where(eq(organisations.id, org.id))
          .run();
        await tx
          .transaction(async (inner) => {
            await inner.update(organisations).set({ name: 'never' }).where(eq(organisations.id, org.id)).run();
            throw new Error('inner refused');
          })
          .catch(() => undefined);
        order.push(`${label} ends`);
      });
    await Promise.all([bump('a'), bump('b')]);
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    // Neither update was lost (no interleaving), and the failed savepoint left no trace.
    expect((await db.select().from(organisations).where(eq(organisations.id, org.id)).get())?.name).toBe('v0+a+b');
  });
});
