'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { useAnnounceChange, useAnnouncePlace } from '../../_components/Announcer';
import type { StatusTone } from '../../_components/StatusDot';

interface BoardMoment {
  workshopTitle: string;
  phase: 'lobby' | 'exercise' | 'ended' | null;
  /** The exercise on screen (0-based) and the agenda's length. */
  step: number;
  total: number;
  exerciseTitle: string | null;
  partnerName: string | null;
  /** For the exercise on screen. */
  partnerReady: boolean;
  revealed: boolean;
  timesUp: boolean;
  connection: StatusTone;
}

/**
 * What a partner's phone says aloud, without moving focus: where they are
 * (lobby, which exercise, the end) and what changed out of sight — the
 * partner arriving or getting ready, the reveal, time running out, the
 * connection dropping and coming back.
 */
export function useBoardAnnouncements(m: BoardMoment): void {
  const t = useTranslations('announce');
  const place =
    m.phase === 'lobby'
      ? t('boardLobby', { workshop: m.workshopTitle })
      : m.phase === 'ended'
        ? t('boardEnded', { workshop: m.workshopTitle })
        : m.phase === 'exercise' && m.exerciseTitle
          ? t('boardExercise', { number: m.step + 1, total: m.total, exercise: m.exerciseTitle })
          : null;
  useAnnouncePlace(place);

  useAnnounceChange(m.partnerName, (from, to) => (from === null && to ? t('partnerJoined', { partner: to }) : null));

  // Keyed by step: moving to the next exercise is not the partner changing their mind.
  const partner = m.partnerName ?? '';
  useAnnounceChange(`${m.step}:${m.partnerReady}`, (from, to) =>
    partner && from.split(':')[0] === to.split(':')[0] ? t(m.partnerReady ? 'partnerReady' : 'partnerNotReady', { partner }) : null,
  );
  useAnnounceChange(`${m.step}:${m.revealed}`, (from, to) => (m.revealed && from.split(':')[0] === to.split(':')[0] ? t('revealed') : null));
  useAnnounceChange(m.timesUp, (_from, to) => (to && m.phase === 'exercise' ? t('timesUp') : null));

  // Connecting for the first time is not news; a connection that was there and went, and came back, is.
  const lost = useRef(false);
  useAnnounceChange(m.connection, (from, to) => {
    if (from === 'ok' && to !== 'ok') {
      lost.current = true;
      return t('connectionLost');
    }
    if (to === 'ok' && lost.current) {
      lost.current = false;
      return t('connectionBack');
    }
    return null;
  });
}
