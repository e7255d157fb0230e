import { cohostIdSchema, ERROR_CODES, MAX_COHOSTS, type CohostListResponse, type CreateCohostResponse } from '../../lib/protocol';
import { cohostView, type CohostService } from '../workshop/cohosts';
import { facilitatorOf } from './hostAuth';
import { PublicUrls } from './publicUrls';
import { HttpError, sendJson } from './respond';
import type { Router } from './router';

/**
 * The facilitator manages co-hosts: invite (a new secret link), list, revoke. The facilitator's
 * host key only: a co-host's key answers 403 `facilitator_only`. Like the other host routes there
 * is no guessing budget: the keys are 256-bit secrets, not codes a person types.
 */
export function addCohostRoutes(router: Router, deps: { cohosts: CohostService; publicUrl: string | null; networkAddress?: () => string | null }): Router {
  const { cohosts } = deps;
  return router
    .add('POST', '/api/workshops/:code/cohosts', async (ctx) => {
      const { workshop } = await facilitatorOf(ctx, cohosts);
      const invited = await cohosts.invite(workshop.code);
      if (invited === 'not_found') throw new HttpError(ERROR_CODES.unauthorized, 'The host key of this workshop is required.');
      if (invited === 'limit') throw new HttpError(ERROR_CODES.cohostLimit, `A workshop has at most ${MAX_COHOSTS} co-hosts at a time; revoke one first.`);
      const body: CreateCohostResponse = {
        cohost: cohostView(invited.cohost),
        key: invited.key,
        url: new PublicUrls(deps.publicUrl, ctx.req, deps.networkAddress?.() ?? null).host(workshop.code, invited.key),
      };
      sendJson(ctx.res, 201, body);
    })
    .add('GET', '/api/workshops/:code/cohosts', async (ctx) => {
      const { workshop } = await facilitatorOf(ctx, cohosts);
      const body: CohostListResponse = { cohosts: (await cohosts.list(workshop.code)).map(cohostView) };
      sendJson(ctx.res, 200, body);
    })
    .add('DELETE', '/api/workshops/:code/cohosts/:id', async (ctx) => {
      const { workshop } = await facilitatorOf(ctx, cohosts);
      const id = cohostIdSchema.safeParse(ctx.params.id);
      const revoked = id.success && (await cohosts.revoke(workshop.code, id.data));
      // Revoked already counts as done (a second click, a retry): that is what was asked.
      const known = revoked || (id.success && (await cohosts.list(workshop.code)).some((c) => c.id === id.data));
      if (!known) throw new HttpError(ERROR_CODES.notFound, 'This workshop has no such co-host.');
      sendJson(ctx.res, 200, { revoked: true });
    });
}
