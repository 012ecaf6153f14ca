import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createDb, type Db } from './client';
import { Database } from './sqlite';
import { testDb } from '../test/db';
import { organisationRow } from './factories';
import { organisations } from './schema';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Counts the COMMITs the connection runs from now on. */
function countCommits(db: Db): { count: number } {
  const counter = { count: 0 };
  const prepare = db.$client.prepare.bind(db.$client);
  db.$client.prepare = (source: string) => {
    if (source === 'commit') counter.count++;
    return prepare(source);
  };
  return counter;
}

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

  describe('group commit: transactions waiting behind one share its commit', () => {
    it('commits twenty writers at once in one commit, answering none before it, and a query from outside waits for it', async () => {
      const db = testDb();
      const commits = countCommits(db);
      const rows = Array.from({ length: 20 }, (_, i) => organisationRow({ name: `Writer ${i}` }));
      const answered: number[] = [];
      const turn = () => new Promise((resolve) => setImmediate(resolve));
      const writers = rows.map((row) =>
        db
          .transaction(async (tx) => {
            await turn();
            await tx.insert(organisations).values(row).run();
          })
          .then(() => answered.push(commits.count)),
      );
      // Asked while the first writer holds the connection: it waits for the group's commit.
      const outside = db
        .select()
        .from(organisations)
        .where(
          inArray(
            organisations.id,
            rows.map((r) => r.id),
          ),
        )
        .all();
      await Promise.all(writers);
      expect(commits.count).toBe(1);
      // Every writer was told only once its row was committed.
      expect(answered).toEqual(rows.map(() => 1));
      expect((await outside).length).toBe(20);
    });

    it('rolls back only the transaction that failed', async () => {
      const db = testDb();
      const [a, b, c] = [organisationRow({ name: 'A' }), organisationRow({ name: 'B' }), organisationRow({ name: 'C' })];
      const write = (row: typeof a, fail: boolean) =>
        db.transaction(async (tx) => {
          await tx.insert(organisations).values(row).run();
          await tick();
          if (fail) throw new Error(`${row.name} refused`);
        });
      const results = await Promise.allSettled([write(a, false), write(b, true), write(c, false)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const names = (
        await db
          .select({ name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, [a.id, b.id, c.id]))
          .all()
      ).map((r) => r.name);
      expect(names.sort()).toEqual(['A', 'C']);
    });

    it('refuses every transaction in the group when the shared commit fails, and saves none of them', async () => {
      const db = testDb();
      // A foreign key checked at commit: a row pointing nowhere makes the group's COMMIT fail.
      await db.run(
        sql`create table pointers (id integer primary key, organisation_id text references organisations(id) deferrable initially deferred)`,
      );
      const good = organisationRow({ name: 'Would have been saved' });
      const results = await Promise.allSettled([
        db.transaction(async (tx) => {
          await tick();
          await tx.insert(organisations).values(good).run();
        }),
        db.transaction(async (tx) => {
          await tx.run(sql`insert into pointers (organisation_id) values ('nowhere')`);
        }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
      expect(await db.select().from(organisations).where(eq(organisations.id, good.id)).get()).toBeUndefined();
      // The connection is usable afterwards, outside any transaction.
      expect(db.$client.inTransaction).toBe(false);
      await db.transaction(
        async (tx) =>
          void (await tx
            .insert(organisations)
            .values(organisationRow({ name: 'Later' }))
            .run()),
      );
    });
  });

  describe('group commit when things go wrong (review of the first version)', () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    /** A database file with a one-column table, and its path (for a second connection). */
    function fileDb() {
      const dir = mkdtempSync(join(tmpdir(), 'carenav-group-'));
      dirs.push(dir);
      const path = join(dir, 'test.db');
      const db = createDb(path);
      db.$client.exec('create table t (x text)');
      return { db, path };
    }
    const count = (db: Db, x: string) => db.$client.prepare('select count(*) from t where x = ?').pluck().get(x) as number;
    /** Makes the connection's next statements starting with one of `prefixes` throw, once each. */
    function failNext(db: Db, ...prefixes: string[]) {
      const prepare = db.$client.prepare.bind(db.$client);
      const armed = new Set(prefixes);
      db.$client.prepare = (source: string) => {
        const hit = [...armed].find((p) => source.startsWith(p));
        if (hit) {
          armed.delete(hit);
          throw new Error(`simulated failure of ${hit}`);
        }
        return prepare(source);
      };
    }

    it('a group holds the write lock from its start: another process cannot commit under a transaction that only read so far', async () => {
      const { db, path } = fileDb();
      const other = new Database(path);
      let otherWrite = 'not tried';
      const first = db.transaction(async (tx) => {
        await tx.all(sql`select count(*) from t`);
        try {
          other.prepare("insert into t values ('other')").run();
          otherWrite = 'committed';
        } catch (error) {
          otherWrite = (error as { code?: string }).code ?? 'failed';
        }
      });
      const writers = Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => void (await tx.run(sql`insert into t values (${`w${i}`})`))),
      );
      const results = await Promise.allSettled([first, ...writers]);
      // Before, a group opened by a reading transaction let it commit, and every writer joining
      // after failed with SQLITE_BUSY_SNAPSHOT.
      expect(otherWrite).toBe('SQLITE_BUSY');
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      other.close();
    });

    it('counts failed transactions towards the size of a group, so a query from outside is not kept waiting long', async () => {
      const { db } = fileDb();
      const events: string[] = [];
      const first = db.transaction(async (tx) => {
        await tx.run(sql`insert into t values ('first')`);
        await tick();
      });
      const failing = Array.from({ length: 100 }, (_, i) =>
        db
          .transaction(() => {
            events.push(`failed ${i}`);
            return Promise.reject(new Error('refused'));
          })
          .catch(() => undefined),
      );
      const reader = (async () => {
        await tick();
        await db.all(sql`select 1`);
        events.push('reader');
      })();
      await Promise.all([first, reader, ...failing]);
      expect(events.indexOf('reader')).toBeLessThanOrEqual(32);
    });

    it('when the commit and then the rollback fail, everyone in the group is refused and nothing more runs on the connection', async () => {
      const { db } = fileDb();
      const a = db.transaction(async (tx) => {
        await tx.run(sql`insert into t values ('a')`);
        await tick();
      });
      const b = db.transaction(async (tx) => void (await tx.run(sql`insert into t values ('b')`)));
      await new Promise((resolve) => setTimeout(resolve, 1));
      failNext(db, 'commit', 'rollback');
      const results = await Promise.allSettled([a, b]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      // A write now would land in a transaction nobody will commit: refused instead.
      await expect(db.run(sql`insert into t values ('later')`)).rejects.toThrow(/unusable/);
      await expect(db.transaction(() => Promise.resolve())).rejects.toThrow(/unusable/);
    });

    it('after SQLite ends the transaction itself, nothing more of it is written, even by a transaction that carries on', async () => {
      const { db } = fileDb();
      // Stands in for SQLITE_FULL or an I/O error, which end the whole transaction.
      db.$client.exec("create trigger boom before insert on t when new.x = 'boom' begin select raise(rollback, 'disk full'); end");
      const a = db.transaction(async (tx) => {
        await tx.run(sql`insert into t values ('a')`);
        await tick();
      });
      const b = db.transaction(async (tx) => {
        await tx.transaction(async (inner) => void (await inner.run(sql`insert into t values ('boom')`))).catch(() => undefined);
        await tx.run(sql`insert into t values ('b-after')`);
      });
      const results = await Promise.allSettled([a, b]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect([count(db, 'a'), count(db, 'b-after')]).toEqual([0, 0]);
      // The connection goes on working for the next transaction.
      await db.transaction(async (tx) => void (await tx.run(sql`insert into t values ('next')`)));
      expect(count(db, 'next')).toBe(1);
    });

    it('a transaction whose writes cannot be rolled back alone takes its group down with it, rather than be saved half-done', async () => {
      const { db } = fileDb();
      const a = db.transaction(async (tx) => {
        await tx.run(sql`insert into t values ('a')`);
        await tick();
      });
      const b = db.transaction(async (tx) => {
        await tx.run(sql`insert into t values ('b-half')`);
        failNext(db, 'rollback to savepoint');
        throw new Error('refused');
      });
      const results = await Promise.allSettled([a, b]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect([count(db, 'a'), count(db, 'b-half')]).toEqual([0, 0]);
    });
  });
});
