// Long polling of an order: a held reader wakes on the order's own change, on its deadline, when it
// goes away and at shutdown, and never misses a change that landed before it began to wait.
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../../../server/db/sqlite/sqlite-database.ts';
import { OrderChanges } from '../../../../server/orders/order-changes.ts';
import { waitForOrder } from '../../../../server/orders/wait-for-order.ts';

function orderDb() {
  const db = new DatabaseSync(':memory:');
  db.exec(`CREATE TABLE orders (id TEXT PRIMARY KEY, state TEXT);
    CREATE TABLE order_items (id TEXT PRIMARY KEY, order_id TEXT, state TEXT);
    INSERT INTO orders VALUES ('o1', 'processing');
    INSERT INTO order_items VALUES ('i1', 'o1', 'encoding'), ('i2', 'o1', 'queued');`);
  // The test changes rows straight on the connection; the wait reads them through the storage port.
  return Object.assign(db, { port: new SqliteDatabase(db) });
}

const never = new AbortController().signal;

describe('waitForOrder', () => {
  it('answers once an item settles, not on another order', async () => {
    const db = orderDb();
    const changes = new OrderChanges();
    const started = performance.now();
    const waiting = waitForOrder(db.port, changes, 'o1', { waitMs: 5000, settled: 0, signal: never });
    changes.notify('o2');
    setTimeout(() => {
      db.exec(`UPDATE order_items SET state = 'ready' WHERE id = 'i1'`);
      changes.notify('o1');
    }, 50);
    await waiting;
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('answers at once when more items settled than the reader has seen', async () => {
    const db = orderDb();
    db.exec(`UPDATE order_items SET state = 'failed' WHERE id = 'i1'`);
    const started = performance.now();
    await waitForOrder(db.port, new OrderChanges(), 'o1', { waitMs: 5000, settled: 0, signal: never });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('answers after waitMs with nothing new, when the reader goes away, and at shutdown', async () => {
    const db = orderDb();
    const changes = new OrderChanges();
    let started = performance.now();
    await waitForOrder(db.port, changes, 'o1', { waitMs: 80, settled: 0, signal: never });
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);

    const gone = new AbortController();
    started = performance.now();
    setTimeout(() => gone.abort(), 30);
    await waitForOrder(db.port, changes, 'o1', { waitMs: 5000, settled: 0, signal: gone.signal });
    expect(performance.now() - started).toBeLessThan(2000);

    started = performance.now();
    setTimeout(() => changes.close(), 30);
    await waitForOrder(db.port, changes, 'o1', { waitMs: 5000, settled: 0, signal: never });
    await waitForOrder(db.port, changes, 'o1', { waitMs: 5000, settled: 0, signal: never });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('looks again every pollMs for a change another process made, which wakes nobody here', async () => {
    const db = orderDb();
    const changes = new OrderChanges();
    let answered = false;
    const waiting = waitForOrder(db.port, changes, 'o1', {
      waitMs: 30_000,
      settled: 0,
      signal: never,
      pollMs: 20,
    }).then(() => {
      answered = true;
    });
    await new Promise((r) => setTimeout(r, 60));
    expect(answered).toBe(false);
    // A worker process settles the item: no notify() reaches this process.
    db.exec(`UPDATE order_items SET state = 'ready' WHERE id = 'i1'`);
    const started = performance.now();
    await waiting;
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
