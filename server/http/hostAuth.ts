import { ERROR_CODES, roomCodeSchema } from '../../lib/protocol';
import type { CohostService, HostIdentity } from '../workshop/cohosts';
import { bearer, HttpError } from './respond';
import type { RouteContext } from './router';

/**
 * The host routes' credential: `Authorization: Bearer <key>`, the facilitator's host key or an
 * active co-host's key. A wrong key and a workshop that is gone both answer 401 (a stranger is not
 * told which); a co-host asking for what is the facilitator's alone answers 403 `facilitator_only`.
 */
export async function hostOf(ctx: RouteContext, cohosts: CohostService): Promise<HostIdentity> {
  const key = bearer(ctx.req);
  const code = roomCodeSchema.safeParse(ctx.params.code);
  const host = key && code.success ? await cohosts.authenticate(code.data, key) : null;
  if (!host) throw new HttpError(ERROR_CODES.unauthorized, 'The host key of this workshop is required.');
  return host;
}

export async function facilitatorOf(ctx: RouteContext, cohosts: CohostService): Promise<HostIdentity> {
  const host = await hostOf(ctx, cohosts);
  if (host.cohost) throw new HttpError(ERROR_CODES.facilitatorOnly, 'Only the facilitator who created this workshop can do this.');
  return host;
}
