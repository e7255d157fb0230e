'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Seat, ShareView } from '../../../lib/protocol';
import type { ParticipantCommands } from './participantCommands';

/** What every entry needs to offer "Share with the room" and show where its share stands. */
export interface ShareSettings {
  /** The latest share of each entry id. */
  byEntry: Map<string, ShareView>;
  mySeat: Seat;
  partnerName: string | null;
  /** Proposing needs a partner to agree, a revealed entry and a workshop still running. */
  canPropose: boolean;
  commands: Pick<ParticipantCommands, 'proposeShare' | 'answerShare'>;
}

const ShareContext = createContext<ShareSettings | null>(null);

/** Entries sit several components deep in every kind of exercise; this saves threading five props through each. */
export function ShareProvider({ value, children }: { value: ShareSettings; children: ReactNode }) {
  return <ShareContext.Provider value={value}>{children}</ShareContext.Provider>;
}

export function useShareSettings(): ShareSettings | null {
  return useContext(ShareContext);
}

/** Shares arrive oldest first; a later proposal of the same entry (after "Not this one") wins. */
export function latestShareByEntry(shares: readonly ShareView[]): Map<string, ShareView> {
  const out = new Map<string, ShareView>();
  for (const share of shares) out.set(share.entryId, share);
  return out;
}
