import { ERROR_CODES } from '../../lib/protocol';
import { buildSummary, summaryToCsv } from '../../lib/summary';
import type { WorkshopStates } from '../workshop/workshopStates';
import type { Store, WorkshopRow } from '../store/storeTypes';
import type { WorkshopService } from '../workshop/seating';
import { bearer, HttpError, sendJson } from './respond';
import type { RouteContext, Router } from './router';

/**
 * The facilitator's afterwards: the session summary (JSON and CSV) and
 * deleting the whole workshop. Authorized by the host key as a bearer token.
 */
export function addHostRoutes(router: Router, deps: { store: Store; workshops: WorkshopService; states: WorkshopStates; now: () => number }): Router {
  const { store, workshops, states } = deps;

  async function hostWorkshop(ctx: RouteContext): Promise<WorkshopRow> {
    const key = bearer(ctx.req);
    const workshop = key ? await workshops.authenticateHost(ctx.params.code.toUpperCase(), key) : null;
    if (!workshop) throw new HttpError(ERROR_CODES.unauthorized, 'The host key of this workshop is required.');
    return workshop;
  }

  async function summary(workshop: WorkshopRow) {
    const live = (await states.get(workshop.code)) ?? workshop;
    const [couples, participants, stats, wall] = await Promise.all([
      store.listCouples(workshop.code),
      store.listParticipants(workshop.code),
      store.listDocStats(workshop.code),
      store.listWallItems(workshop.code),
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
      const workshop = await hostWorkshop(ctx);
      await workshops.deleteWorkshop(workshop.code, 'facilitator');
      sendJson(ctx.res, 200, { deleted: true });
    });
}
