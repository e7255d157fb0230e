import { z } from 'zod';
import { joinWorkshopBody } from './http';

/**
 * Co-hosts: people the facilitator invites to run the room with them, each with a secret link of
 * their own. A co-host has every control of the console but deleting the workshop and managing
 * co-hosts; the facilitator can revoke a link at any time.
 */

/** Active (not revoked) co-hosts one workshop may have: a room needs a few helpers, not a crowd. */
export const MAX_COHOSTS = 8;

/** Who is behind a console: the facilitator, or one co-host by id. */
export type HostId = 'facilitator' | `cohost:${string}`;

export const cohostHostId = (cohostId: string): HostId => `cohost:${cohostId}`;

/** A co-host's display name, as they gave it (a person's words: shown with dir="auto"). Same rules as a participant's name. */
export const cohostNameBody = z.strictObject({ name: joinWorkshopBody.shape.name });

/** `DELETE /api/workshops/:code/cohosts/:id`: ids are ours, short and plain. */
export const cohostIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** One co-host as the facilitator manages them. `number` is stable ("Co-host 2") and never reused. */
export interface CohostView {
  id: string;
  number: number;
  /** What the co-host called themselves, or null ("Co-host <number>" then). */
  name: string | null;
  createdAt: number;
  revokedAt: number | null;
}

/** `POST /api/workshops/:code/cohosts`: the only time the co-host's key is ever sent. */
export interface CreateCohostResponse {
  cohost: CohostView;
  key: string;
  /** `<origin>/host/<code>#key=<key>`: the same console, opened with the co-host's key. */
  url: string;
}

export interface CohostListResponse {
  cohosts: CohostView[];
}

/** One person hosting right now (at least one console open). */
export interface HostPresence {
  id: HostId;
  role: 'facilitator' | 'cohost';
  number: number | null;
  name: string | null;
  consoles: number;
}

/** `hosts:team`, sent to every console: who this console is, and who is hosting right now. */
export interface HostTeam {
  you: HostPresence;
  hosts: HostPresence[];
}
