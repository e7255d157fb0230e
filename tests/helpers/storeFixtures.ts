import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import * as Y from 'yjs';
import { buildAgenda } from '../../lib/catalogue/agenda';
import { initialWorkshopState } from '../../lib/workshop/state';
import type { Log } from '../../server/infra/log';
import { openPgStore } from '../../server/store/pgStore';
import { openSqliteStore } from '../../server/store/sqliteStore';
import type { CoupleRow, ParticipantRow, Store, WallItemRow, WorkshopRow } from '../../server/store/storeTypes';
import { tempDataDir } from './server';
import { createTestDatabase } from './testDatabase';

/** Rows and backends for the store contract suite. */

export const quietLog: Log = { error: () => {}, info: () => {}, debug: () => {} };

export interface Backend {
  name: string;
  /**
   * A fresh, empty store location. `open()` may be called several times: each call is another
   * handle on the same data, as another server process (node) would have.
   */
  create(): Promise<{ open(): Promise<Store>; dispose(): Promise<void> }>;
}

export const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    async create() {
      const dir = tempDataDir();
      return { open: async () => openSqliteStore(dir), dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async create() {
      const url = await createTestDatabase();
      return { open: () => openPgStore(url, quietLog), dispose: async () => {} };
    },
  },
];

const id = (): string => randomBytes(16).toString('base64url'); // 22 characters, like server/infra/secrets.ts newId
const code = (): string => randomBytes(6).toString('hex').toUpperCase();

export function workshopRow(overrides: Partial<WorkshopRow> = {}): WorkshopRow {
  return {
    code: code(),
    title: 'Évening — together',
    hostKeyHash: id(),
    agenda: buildAgenda(),
    state: { ...initialWorkshopState(), version: 3 },
    retentionDays: 30,
    locale: 'en',
    peakOnline: 0,
    createdAt: 1_700_000_000_000,
    expiresAt: 1_800_000_000_000,
    ...overrides,
  };
}

export function participantRow(workshopCode: string, overrides: Partial<ParticipantRow> = {}): ParticipantRow {
  return { id: id(), workshopCode, name: 'Ana', tokenHash: id(), reviewHash: id(), coupleId: null, seat: null, createdAt: 1_700_000_000_000, ...overrides };
}

export function coupleRow(workshopCode: string, overrides: Partial<CoupleRow> = {}): CoupleRow {
  return { id: id(), workshopCode, pairCode: code().slice(0, 6), createdAt: 1_700_000_000_000, lastActivityAt: null, ...overrides };
}

export function wallRow(workshopCode: string, coupleId: string, overrides: Partial<WallItemRow> = {}): WallItemRow {
  return {
    id: id(),
    workshopCode,
    coupleId,
    itemKey: 'bring-need',
    entryRef: id(),
    text: 'We both want more evenings like this',
    proposedBy: 'a',
    status: 'proposed',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A Yjs doc that records every update it produces, as a board's client would send them. */
export function editor(clientId?: number): { doc: Y.Doc; type(text: string): Uint8Array } {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  return {
    doc,
    type(text) {
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => (update = u);
      doc.once('update', capture);
      doc.getArray<string>('lines').push([text]);
      return update!;
    },
  };
}

/** What a stored doc contains: snapshot and updates applied to a fresh Y.Doc. */
export async function storedLines(store: Store, docName: string): Promise<string[]> {
  const stored = await store.loadDoc(docName);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc.getArray<string>('lines').toArray();
}
