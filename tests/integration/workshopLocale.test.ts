import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryFor } from '../../lib/catalogue/catalogue';
import { LOCALES } from '../../lib/i18n/locales';
import type { ApiError, CreateWorkshopResponse, WorkshopPublic } from '../../lib/protocol';
import { ApiClient } from '../helpers/apiClient';
import { connectControl, hostAuth, projectorAuth } from '../helpers/controlClient';
import { startTestServer } from '../helpers/server';
import { eventually } from '../helpers/wait';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
});
afterAll(() => server.close());

const create = (body: Record<string, unknown>) => api.request<CreateWorkshopResponse & ApiError>('POST', '/api/workshops', { title: 'Abend zu zweit', ...body });

describe('a workshop’s language', () => {
  it('[R57] is taken when the workshop is created and returned by GET, join, /api/me and the workshop state', async () => {
    const created = await create({ locale: 'ar' });
    expect(created.status).toBe(201);
    expect(created.body.locale).toBe('ar');
    const { code } = created.body;
    expect((await api.request<WorkshopPublic>('GET', `/api/workshops/${code}`)).body.locale).toBe('ar');
    const joined = await api.join(code, 'Ana');
    expect(joined.workshop.locale).toBe('ar');
    expect((await api.me(joined.token)).workshop.locale).toBe('ar');
    const projector = connectControl(server.url, projectorAuth(code));
    const host = connectControl(server.url, hostAuth(code, created.body.hostKey));
    try {
      await eventually(() => expect(projector.latest.workshop?.locale).toBe('ar'));
      await eventually(() => expect(host.latest.snapshot?.workshop.locale).toBe('ar'));
    } finally {
      projector.close();
      host.close();
    }
  });

  it('[R57] is English when left out, and every supported language is accepted', async () => {
    const plain = await create({});
    expect(plain.body.locale).toBe('en');
    expect((await api.request<WorkshopPublic>('GET', `/api/workshops/${plain.body.code}`)).body.locale).toBe('en');
    for (const locale of LOCALES) {
      const made = await create({ locale });
      expect([made.status, made.body.locale]).toEqual([201, locale]);
    }
  });

  it('[R57] refuses a language Twofold does not speak with 400 invalid_body', async () => {
    for (const locale of ['xx', 'EN', 'de-DE', '', 42, null]) {
      const refused = await create({ locale });
      expect(refused.status, String(locale)).toBe(400);
      expect(refused.body.error.code).toBe('invalid_body');
    }
  });

  it('[R58] gives a workshop the library exercises in its language, keeping the minutes the facilitator set', async () => {
    for (const locale of LOCALES) {
      const whole = await create({ locale });
      const host = connectControl(server.url, hostAuth(whole.body.code, whole.body.hostKey));
      try {
        await eventually(() => expect(host.latest.snapshot).not.toBeNull());
        const agenda = host.latest.snapshot!.agenda;
        expect(agenda.map(({ key: _key, ...exercise }) => exercise)).toEqual(libraryFor(locale));
      } finally {
        host.close();
      }
    }
    // Sent in English, created in Spanish: the shipped exercise comes in Spanish, with the minutes as sent.
    const [first] = libraryFor('en');
    const spanish = await create({ locale: 'es', agenda: [{ ...first, minutes: 3 }] });
    const host = connectControl(server.url, hostAuth(spanish.body.code, spanish.body.hostKey));
    try {
      await eventually(() => expect(host.latest.snapshot).not.toBeNull());
      const { key: _key, ...item } = host.latest.snapshot!.agenda[0];
      expect(item).toEqual({ ...libraryFor('es')[0], minutes: 3 });
    } finally {
      host.close();
    }
  });
});
