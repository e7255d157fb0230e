import type { Socket } from 'socket.io-client';
import type { ClientPool } from './clients';
import type { JoinResult } from './protocol';
import { couplesOf, openWorkshop } from './scenarios';

/**
 * Adds `count` couples (numbered from `firstCouple`) to the phones of the pool, in new workshops
 * of `perWorkshop` couples with their facilitator connected, 20 couples joining at a time per
 * client process. Fails if any phone does not get its board. Resolves with the facilitators' sockets (to close).
 */
export async function moreCouples(pool: ClientPool, url: string, firstCouple: number, count: number, perWorkshop: number): Promise<Socket[]> {
  const hosts: Socket[] = [];
  for (let start = firstCouple; start < firstCouple + count; start += perWorkshop) {
    const ids = Array.from({ length: Math.min(perWorkshop, firstCouple + count - start) }, (_, k) => start + k);
    const workshop = await openWorkshop(url, `Benchmark room ${1 + Math.floor(start / perWorkshop)}`);
    hosts.push(workshop.host);
    const results = await pool.all<JoinResult>((i) => ({
      cmd: 'join',
      plan: { code: workshop.code, couples: couplesOf(pool, ids, i), arriveAt: [], concurrency: 20, lightEditEveryMs: 0 },
    }));
    const failed = results.reduce((n, r) => n + r.failed, 0);
    if (failed > 0) throw new Error(`${failed} phones of ${ids.length * 2} could not join: ${results.find((r) => r.firstError)?.firstError}`);
  }
  return hosts;
}
