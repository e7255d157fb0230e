import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/storeTypes';
import { BACKENDS, workshopRow } from '../helpers/storeFixtures';

let n = 0;
const cohost = (workshopCode: string) => ({ id: `cohost-${++n}`, workshopCode, keyHash: `hash-${n}-${Math.random()}`, name: null, createdAt: 1_700_000_000_000 + n });

/** The co-host methods of the store (migration 0003), against every backend; `other` plays a second node. */
describe.each(BACKENDS)('[R91] [R96] co-hosts in the store: $name', (backend) => {
  let store: Store;
  let other: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const location = await backend.create();
    store = await location.open();
    other = await location.open();
    dispose = location.dispose;
  });
  afterAll(async () => {
    await store?.close();
    await other?.close();
    await dispose?.();
  });

  it('[R91] numbers co-hosts in order, finds them by key hash, renames and revokes them', async () => {
    const w = workshopRow();
    await store.createWorkshop(w);
    const first = await store.createCohost(cohost(w.code), 8);
    const second = await other.createCohost(cohost(w.code), 8);
    if (typeof first === 'string' || typeof second === 'string') throw new Error('refused');
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(await other.getCohostByKeyHash(first.keyHash)).toEqual(first);
    expect(await store.getCohostByKeyHash('no-such-hash')).toBeNull();
    await store.setCohostName(second.id, 'Ola');
    expect(await store.revokeCohost(w.code, first.id, 1_700_000_500_000)).toBe(true);
    expect(await store.revokeCohost(w.code, first.id, 1_700_000_600_000)).toBe(false); // once
    expect(await store.revokeCohost('OTHER000', second.id, 1)).toBe(false); // another workshop's
    expect(await other.listCohosts(w.code)).toEqual([
      { ...first, revokedAt: 1_700_000_500_000 },
      { ...second, name: 'Ola' },
    ]);
    expect(await store.createCohost(cohost('NOPE0000'), 8)).toBe('not_found');
  });

  it('[R91] never gives more active places than the limit, nor a number twice, under concurrent invites from two nodes', async () => {
    const w = workshopRow();
    await store.createWorkshop(w);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).createCohost(cohost(w.code), 4)));
    const made = results.filter((r) => typeof r !== 'string');
    expect(made).toHaveLength(4);
    expect(results.filter((r) => r === 'limit')).toHaveLength(6);
    expect(made.map((r) => r.number).sort()).toEqual([1, 2, 3, 4]);
    // A revoked place is free again; its number is not given again.
    await store.revokeCohost(w.code, made[0]!.id, 1);
    const next = await other.createCohost(cohost(w.code), 4);
    expect(typeof next !== 'string' && next.number).toBe(5);
  });

  it('[R96] deleting the workshop deletes its co-hosts', async () => {
    const w = workshopRow();
    await store.createWorkshop(w);
    const made = await store.createCohost(cohost(w.code), 8);
    if (typeof made === 'string') throw new Error('refused');
    await store.deleteWorkshop(w.code);
    expect(await other.listCohosts(w.code)).toEqual([]);
    expect(await other.getCohostByKeyHash(made.keyHash)).toBeNull();
  });
});
