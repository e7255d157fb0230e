import { buildSummary, summaryToCsv } from '../../lib/summary';
import type { WorkshopStates } from '../workshop/workshopStates';
import type { Store, WorkshopRow } from '../store/storeTypes';
import type { WorkshopService } from '../workshop/seating';
import type { CohostService } from '../workshop/cohosts';
import { facilitatorOf, hostOf } from './hostAuth';
import { sendJson } from './respond';
import type { RouteContext, Router } from './router';

/**
 * The facilitator's afterwards: the session summary (JSON and CSV) and
 * deleting the whole workshop. Authorized by the host key as a bearer token; a co-host's key
 * reads the summary too, but deleting is the facilitator's alone (hostAuth.ts).
 */
export function addHostRoutes(router: Router, deps: { store: Store; workshops: WorkshopService; states: WorkshopStates; cohosts: CohostService; now: () => number }): Router {
  const { store, workshops, states, cohosts } = deps;

  const hostWorkshop = async (ctx: RouteContext): Promise<WorkshopRow> => (await hostOf(ctx, cohosts)).workshop;

  async function summary(workshop: WorkshopRow) {
    const live = (await states.get(workshop.code)) ?? workshop;
    const [couples, participants, stats, wall, pulse] = await Promise.all([
      store.listCouples(workshop.code),
      store.listParticipants(workshop.code),
      store.listDocStats(workshop.code),
      store.listWallItems(workshop.code),
      store.listPulse(workshop.code),
    ]);
    return buildSummary({
      title: workshop.title,
      code: workshop.code,
      createdAt: workshop.createdAt,
      retentionDays: workshop.retentionDays,
      agenda: live.agenda,
      state: live.state,
      couples: couples.map((c) => {
        const entriesByItem: Record<string, number> = {};
        for (const row of stats.filter((s) => s.coupleId === c.id)) {
          for (const [key, n] of Object.entries(row.counts)) entriesByItem[key] = (entriesByItem[key] ?? 0) + n;
        }
        return { id: c.id, members: participants.filter((p) => p.coupleId === c.id).length, entriesByItem };
      }),
      participants: participants.length,
      peakOnline: workshop.peakOnline,
      approvedWall: wall.filter((w) => w.status === 'approved').map((w) => ({ itemKey: w.itemKey, text: w.text })),
      pulseAnswers: pulse.map((p) => ({ score: p.score, word: p.word })),
      now: deps.now(),
    });
  }

  return router
    .add('GET', '/api/workshops/:code/summary', async (ctx) => {
      sendJson(ctx.res, 200, await summary(await hostWorkshop(ctx)));
    })
    .add('GET', '/api/workshops/:code/summary.csv', async (ctx) => {
      const workshop = await hostWorkshop(ctx);
      const csv = summaryToCsv(await summary(workshop));
      ctx.res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="twofold-summary-${workshop.code}.csv"`,
        'cache-control': 'no-store',
      });
      // A byte order mark first: without it, spreadsheet programs (Excel above all) read UTF-8 as a legacy code page.
      ctx.res.end(`\uFEFF${csv}`);
    })
    .add('DELETE', '/api/workshops/:code', async (ctx) => {
      const { workshop } = await facilitatorOf(ctx, cohosts);
      await workshops.deleteWorkshop(workshop.code, 'facilitator');
      sendJson(ctx.res, 200, { deleted: true });
    });
}
