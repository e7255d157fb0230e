import type { Exercise } from '../../lib/catalogue/exercise';
import type { Locale } from '../../lib/i18n/locales';
import type { BoardTicketResponse, CoupleResponse, CreateWorkshopResponse, JoinWorkshopResponse, MeResponse } from '../../lib/protocol';

/** A thin client for the documented HTTP API, as the tests and benchmarks use it. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  private async ok<T>(expected: number, method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const res = await this.request<T>(method, path, body, token);
    if (res.status !== expected) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** `locale` left out: the server's default (docs/API.md). */
  createWorkshop(title = 'Test workshop', agenda?: Exercise[], locale?: Locale) {
    return this.ok<CreateWorkshopResponse>(201, 'POST', '/api/workshops', { title, agenda, locale });
  }
  join(code: string, name: string) {
    return this.ok<JoinWorkshopResponse>(201, 'POST', `/api/workshops/${code}/participants`, { name });
  }
  startCouple(code: string, token: string) {
    return this.ok<CoupleResponse>(201, 'POST', `/api/workshops/${code}/couples`, undefined, token);
  }
  joinCouple(code: string, token: string, pairCode: string) {
    return this.ok<CoupleResponse>(200, 'POST', `/api/workshops/${code}/couples/join`, { pairCode }, token);
  }
  me(token: string) {
    return this.ok<MeResponse>(200, 'GET', '/api/me', undefined, token);
  }
  boardTicket(token: string) {
    return this.ok<BoardTicketResponse>(200, 'POST', '/api/me/board-ticket', undefined, token);
  }

  /** A workshop with one couple of two seated partners. */
  async coupleInWorkshop(names: [string, string] = ['Ana', 'Ben'], code?: string) {
    const workshop = code ? null : await this.createWorkshop();
    const roomCode = code ?? workshop!.code;
    const a = await this.join(roomCode, names[0]);
    const b = await this.join(roomCode, names[1]);
    const couple = await this.startCouple(roomCode, a.token);
    await this.joinCouple(roomCode, b.token, couple.pairCode);
    return { workshop, code: roomCode, a, b, couple };
  }
}
