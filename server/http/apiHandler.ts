import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createWorkshopBody,
  ERROR_CODES,
  joinCoupleBody,
  joinWorkshopBody,
  roomCodeSchema,
  type CoupleResponse,
  type BoardTicketResponse,
  type CreateWorkshopResponse,
  type JoinWorkshopResponse,
  type MeResponse,
  type PhoneOriginResponse,
} from '../../lib/protocol';
import type { Log } from '../infra/log';
import type { SeatResult, WorkshopRow, ParticipantRow } from '../store/storeTypes';
import { joinRefusal, seatRefusal, toPublic, type SeatRefusal, type WorkshopService } from '../workshop/seating';
import type { WorkshopStates } from '../workshop/workshopStates';
import { buildAgenda } from '../../lib/catalogue/agenda';
import { GuessLimiter, type LimiterFactory } from './guessLimiter';
import { PublicUrls } from './publicUrls';
import { bearer, failureAnswer, HttpError, readBody, sendError, sendJson } from './respond';
import type { BoardTickets } from '../infra/ticketSigner';
import type { ClientAddressOf } from '../infra/clientAddress';
import { GUESS_BUDGETS } from '../tunables';
import { Router, type RouteContext } from './router';
import { reviewSecretOf } from '../infra/secrets';
import type { ReviewService } from '../workshop/review';
import type { Store } from '../store/storeTypes';
import { addHostRoutes } from './hostRoutes';
import { addCohostRoutes } from './cohostRoutes';
import type { CohostService } from '../workshop/cohosts';
import { addReviewRoutes } from './reviewRoutes';
import { publicWorkshopState } from '../control/views';

export interface ApiDeps {
  store: Store;
  workshops: WorkshopService;
  states: WorkshopStates;
  reviews: ReviewService;
  cohosts: CohostService;
  publicUrl: string | null;
  log: Log;
  now: () => number;
  /** Shared counts when several nodes serve the API (server/cluster); memory otherwise. */
  limiters?: LimiterFactory;
  tickets: BoardTickets;
  /** The client's address for the guessing limits (server/infra/clientAddress.ts: TRUST_PROXY). */
  clientAddress: ClientAddressOf;
  /** This machine's address on the local network, looked up now (server/infra/phoneOrigin.ts); null if none. */
  networkAddress?: () => string | null;
}

/** The scope of room-code guesses: everyone together. */
const EVERYONE = 'all';

/** The HTTP API under /api (see docs/API.md). Returns a handler for Node's `request` event. */
export function createApi(deps: ApiDeps) {
  const { workshops, states, publicUrl, log } = deps;
  const roomGuesses = new GuessLimiter('guesses', GUESS_BUDGETS.roomCodes, deps.limiters);
  const pairGuesses = new GuessLimiter('pair-guesses', GUESS_BUDGETS.pairCodes, deps.limiters);
  const urls = (ctx: RouteContext) => new PublicUrls(publicUrl, ctx.req, deps.networkAddress?.() ?? null);
  const addressKey = (ctx: RouteContext) => `ip:${deps.clientAddress(ctx.req)}`;

  /** A room code from the path; wrong codes count against the caller's address (and everyone's ceiling). */
  async function workshopFromPath(ctx: RouteContext): Promise<WorkshopRow> {
    const keys = [addressKey(ctx)];
    await roomGuesses.admit(keys, EVERYONE);
    const parsed = roomCodeSchema.safeParse(ctx.params.code);
    const workshop = parsed.success ? await workshops.getWorkshop(parsed.data) : null;
    if (!workshop) {
      await roomGuesses.miss(keys, EVERYONE);
      throw new HttpError(ERROR_CODES.workshopNotFound, 'No workshop has this code. Check the code on the screen.');
    }
    return workshop;
  }

  function boardTicket(participantId: string): BoardTicketResponse {
    const { ticket, expiresAt } = deps.tickets.issue(participantId);
    return { params: { ticket }, expiresInS: Math.round((expiresAt - deps.now()) / 1000) };
  }

  async function participantFromToken(ctx: RouteContext): Promise<ParticipantRow> {
    const token = bearer(ctx.req);
    const participant = token ? await workshops.authenticate(token) : null;
    if (!participant) throw new HttpError(ERROR_CODES.unauthorized, 'A valid participant token is required.');
    return participant;
  }

  async function refuseIfEnded(code: string): Promise<void> {
    if ((await states.get(code))?.state.phase === 'ended') throw new HttpError(ERROR_CODES.workshopEnded, 'This workshop has ended.');
  }

  async function seatedCouple(ctx: RouteContext, result: SeatResult, status: number): Promise<void> {
    if (!result.ok) throw seatError(result.reason);
    const u = urls(ctx);
    const body: CoupleResponse = {
      coupleId: result.couple.id,
      pairCode: result.couple.pairCode,
      seat: result.seat,
      pairUrl: u.pair(result.couple.workshopCode, result.couple.pairCode),
    };
    sendJson(ctx.res, status, body);
  }

  const router = new Router()
    .add('GET', '/api/health', async ({ res }) => sendJson(res, 200, { ok: true }))
    .add('GET', '/api/network', async (ctx) => {
      const { origin, reach } = urls(ctx).phone;
      const body: PhoneOriginResponse = { phoneOrigin: origin, reach };
      sendJson(ctx.res, 200, body);
    })
    .add('POST', '/api/workshops', async (ctx) => {
      const { title, agenda, retentionDays, locale } = await readBody(ctx.req, createWorkshopBody);
      const { workshop, hostKey } = await workshops.createWorkshop(title, buildAgenda(agenda, locale), retentionDays, locale);
      const u = urls(ctx);
      const body: CreateWorkshopResponse = {
        code: workshop.code,
        title: workshop.title,
        locale: workshop.locale,
        hostKey,
        joinUrl: u.join(workshop.code),
        hostUrl: u.host(workshop.code, hostKey),
      };
      sendJson(ctx.res, 201, body);
    })
    .add('GET', '/api/workshops/:code', async (ctx) => {
      sendJson(ctx.res, 200, toPublic(await workshopFromPath(ctx)));
    })
    // What the room's projector is sent (workshop:state), for pages that render their first screen on the server.
    .add('GET', '/api/workshops/:code/state', async (ctx) => {
      const { code } = await workshopFromPath(ctx);
      const live = await states.get(code);
      if (!live) throw new HttpError(ERROR_CODES.workshopNotFound, 'No workshop has this code. Check the code on the screen.');
      sendJson(ctx.res, 200, publicWorkshopState(code, live, deps.now()));
    })
    .add('POST', '/api/workshops/:code/participants', async (ctx) => {
      const workshop = await workshopFromPath(ctx);
      const { name } = await readBody(ctx.req, joinWorkshopBody);
      const refused = joinRefusal((await states.get(workshop.code))?.state ?? workshop.state);
      if (refused) throw new HttpError(refused.code, refused.message);
      const { participant, token } = await workshops.join(workshop.code, name);
      const body: JoinWorkshopResponse = { participantId: participant.id, token, name, workshop: toPublic(workshop) };
      sendJson(ctx.res, 201, body);
    })
    .add('POST', '/api/workshops/:code/couples', async (ctx) => {
      const workshop = await workshopFromPath(ctx);
      const participant = await participantFromToken(ctx);
      if (participant.workshopCode !== workshop.code) throw otherWorkshop();
      await refuseIfEnded(workshop.code);
      await seatedCouple(ctx, await workshops.startCouple(participant), 201);
    })
    .add('POST', '/api/workshops/:code/couples/join', async (ctx) => {
      const workshop = await workshopFromPath(ctx);
      const participant = await participantFromToken(ctx);
      if (participant.workshopCode !== workshop.code) throw otherWorkshop();
      await refuseIfEnded(workshop.code);
      const { pairCode } = await readBody(ctx.req, joinCoupleBody);
      const keys = [addressKey(ctx), `participant:${participant.id}`];
      await pairGuesses.admit(keys, workshop.code);
      const result = await workshops.joinCouple(participant, pairCode);
      // A full couple's code gives no seat, but it tells the guesser that the code exists: a miss like any other.
      if (!result.ok) await pairGuesses.miss(keys, workshop.code);
      await seatedCouple(ctx, result, 200);
    })
    .add('POST', '/api/me/board-ticket', async (ctx) => {
      const participant = await participantFromToken(ctx);
      sendJson(ctx.res, 200, boardTicket(participant.id));
    })
    .add('GET', '/api/me', async (ctx) => {
      const token = bearer(ctx.req);
      const participant = await participantFromToken(ctx);
      const workshop = await workshops.getWorkshop(participant.workshopCode);
      if (!workshop) throw new HttpError(ERROR_CODES.workshopNotFound, 'This workshop no longer exists.');
      const u = urls(ctx);
      const roster = participant.coupleId ? await workshops.coupleRoster(participant.coupleId) : null;
      const partner = roster?.members.find((m) => m.id !== participant.id) ?? null;
      const body: MeResponse = {
        participant: { id: participant.id, name: participant.name, seat: participant.seat },
        workshop: toPublic(workshop),
        couple: roster
          ? {
              id: roster.couple.id,
              pairCode: roster.couple.pairCode,
              pairUrl: u.pair(workshop.code, roster.couple.pairCode),
              partner: partner ? { id: partner.id, name: partner.name, seat: partner.seat as 'a' | 'b' } : null,
            }
          : null,
        board: roster ? u.board(roster.couple.id, boardTicket(participant.id).params) : null,
        reviewUrl: u.review(reviewSecretOf(token as string)),
      };
      sendJson(ctx.res, 200, body);
    });

  addReviewRoutes(router, deps);
  addHostRoutes(router, deps);
  addCohostRoutes(router, deps);

  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const found = router.match(req.method ?? 'GET', url.pathname);
    // Logs name the route as written (`/api/review/:secret`): a path can carry a review secret.
    const route = found && found !== 'method' ? found.path : '(no route)';
    const started = performance.now();
    res.once('finish', () => log.debug(`api ${req.method} ${route} ${res.statusCode} ${(performance.now() - started).toFixed(1)} ms`));
    try {
      if (found === null) throw new HttpError(ERROR_CODES.notFound, `No API route ${url.pathname}.`);
      if (found === 'method') throw new HttpError(ERROR_CODES.badRequest, `${req.method} is not allowed here.`);
      await found.handler({ req, res, params: found.params, url });
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof HttpError) return sendError(res, err);
      log.error(`api ${req.method} ${route} failed`, err);
      sendError(res, failureAnswer(err));
    }
  };
}

const otherWorkshop = () => new HttpError(ERROR_CODES.forbidden, 'This token belongs to another workshop.');

function seatError(reason: SeatRefusal): HttpError {
  const { code, message } = seatRefusal(reason);
  return new HttpError(code, message);
}
