'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { CoupleResponse, JoinWorkshopResponse, MeResponse, WorkshopPublic } from '../../../lib/protocol';
import { Button } from '../../_components/Button';
import { Notice } from '../../_components/Notice';
import { useAnnouncePlace } from '../../_components/Announcer';
import { PageHeader } from '../../_components/PageHeader';
import { useErrorText } from '../../_i18n/errorText';
import { api, ApiRequestError } from '../../_lib/api';
import { forgetRoomLocally, rememberMe } from '../../_lib/localBoardCopies';
import { forgetParticipant, readToken, saveToken } from '../../_lib/storage';
import { NameStep } from './NameStep';
import { RetentionNote } from './RetentionNote';
import type { DeletedBy, LeaveReason } from './leaveMessages';
import { useLeaveWords } from './useLeaveWords';
import { WorkshopNotFound } from './WorkshopNotFound';

// Not on the first screen (the name step comes first): their code, with the control socket's, loads when it is needed.
const loadChoiceStep = () => import('./ChoiceStep');
const ChoiceStep = lazy(() => loadChoiceStep().then((m) => ({ default: m.ChoiceStep })));
const PairedByFacilitator = lazy(() => import('./PairedByFacilitator').then((m) => ({ default: m.PairedByFacilitator })));

type AnnounceT = ReturnType<typeof useTranslations<'announce'>>;

interface JoinFlowProps {
  code: string;
  pairFromLink: string | null;
  left?: LeaveReason | null;
  by?: DeletedBy | null;
  /** The workshop as the server's render found it (null: look it up in the browser). */
  initialWorkshop?: WorkshopPublic | null;
}

type Step =
  | { kind: 'checking' }
  | { kind: 'not-found' }
  | { kind: 'problem'; message: string }
  | { kind: 'name' }
  | { kind: 'choice'; name: string; token: string; pairError: string | null }
  | { kind: 'leaving' };

/**
 * From room code to board: check the room, reuse this phone's seat if it has
 * one, else ask for a first name, then start or join the couple's board.
 * A `?pair=` link (the partner's QR) skips the choice and joins directly.
 */
export function JoinFlow({ code, pairFromLink, left = null, by = null, initialWorkshop = null }: JoinFlowProps) {
  const t = useTranslations('join');
  const leaveWords = useLeaveWords(left, by);
  const errorText = useErrorText();
  const router = useRouter();
  // Given by the server's render, the page opens on the name step, as most phones arriving here need; a phone with a seat moves on from it once /api/me answers.
  const [workshop, setWorkshop] = useState<WorkshopPublic | null>(initialWorkshop);
  const [step, setStep] = useState<Step>(initialWorkshop ? { kind: 'name' } : { kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  const toBoard = useCallback(() => {
    setStep({ kind: 'leaving' });
    router.replace(`/w/${code}`);
  }, [router, code]);

  /** Joins the partner's couple; returns a message for people if it did not work. */
  const joinPartner = useCallback(
    async (token: string, pairCode: string): Promise<string | null> => {
      try {
        await api<CoupleResponse>(`/api/workshops/${code}/couples/join`, { method: 'POST', token, body: { pairCode } });
        toBoard();
        return null;
      } catch (err) {
        // Already in a couple (e.g. a second tap on the QR): the board is where they belong.
        if (err instanceof ApiRequestError && err.code === 'already_paired') {
          toBoard();
          return null;
        }
        return errorText(err);
      }
    },
    [code, toBoard, errorText],
  );

  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      try {
        // A retry asks again; the first pass trusts what the server rendered with.
        if (!initialWorkshop || attempt > 0) setWorkshop(await api<WorkshopPublic>(`/api/workshops/${code}`, { signal: abort.signal }));
      } catch (err) {
        if (abort.signal.aborted) return;
        if (err instanceof ApiRequestError && err.status === 404) {
          // The workshop is gone (deleted, or past its keeping time): so is any copy of its board on this phone.
          void forgetRoomLocally(code);
          setStep({ kind: 'not-found' });
        } else setStep({ kind: 'problem', message: errorText(err) });
        return;
      }
      const token = readToken(code);
      if (!token) return setStep({ kind: 'name' });
      try {
        const me = await api<MeResponse>('/api/me', { token, signal: abort.signal });
        rememberMe(code, me);
        if (me.couple) return toBoard();
        const pairError = pairFromLink ? await joinPartner(token, pairFromLink) : null;
        if (pairFromLink && pairError === null) return;
        setStep({ kind: 'choice', name: me.participant.name, token, pairError });
      } catch (err) {
        if (abort.signal.aborted) return;
        if (err instanceof ApiRequestError && err.status === 401) {
          forgetParticipant(code); // this seat is gone (e.g. the data was reset): start over
          return setStep({ kind: 'name' });
        }
        setStep({ kind: 'problem', message: errorText(err) });
      }
    })();
    return () => abort.abort();
  }, [code, pairFromLink, attempt, joinPartner, toBoard, errorText, initialWorkshop]);

  async function submitName(name: string): Promise<string | null> {
    loadChoiceStep().catch(() => undefined); // on its way while the name is sent
    try {
      const joined = await api<JoinWorkshopResponse>(`/api/workshops/${code}/participants`, { method: 'POST', body: { name } });
      saveToken(code, joined.token);
      const pairError = pairFromLink ? await joinPartner(joined.token, pairFromLink) : null;
      if (!pairFromLink || pairError !== null) setStep({ kind: 'choice', name: joined.name, token: joined.token, pairError });
      return null;
    } catch (err) {
      return errorText(err);
    }
  }

  async function startCouple(token: string): Promise<string | null> {
    try {
      await api<CoupleResponse>(`/api/workshops/${code}/couples`, { method: 'POST', token });
      toBoard();
      return null;
    } catch (err) {
      return errorText(err);
    }
  }

  const say = useTranslations('announce');
  useAnnouncePlace(joinPlace(say, step, workshop));

  // Sent here from a board whose workshop is now gone: whatever the reason given, the board was deleted with it.
  if (step.kind === 'not-found') return <WorkshopNotFound code={code} left={left ? 'deleted' : null} by={by} />;

  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
      <PageHeader scope="room" />
      <main className="flex flex-col gap-8 pt-8">
        {/* Sent back from a board: what happened is the page's heading, and joining again comes under it. */}
        {leaveWords && (
          <div className="flex flex-col gap-2 rounded-2xl border border-line bg-card p-5">
            <h1 className="text-2xl font-semibold tracking-tight">{leaveWords.title}</h1>
            <p className="text-base leading-relaxed">{leaveWords.body}</p>
          </div>
        )}
        <div className="flex flex-col gap-1">
          <p className="text-base font-semibold text-muted">{t('joiningLabel')}</p>
          {/* No heading until the title is known: a route announcement reads the first h1, and "Finding…" is not where anyone is. */}
          {workshop && leaveWords ? (
            <h2 className="text-3xl font-semibold tracking-tight break-words">
              <bdi>{workshop.title}</bdi>
            </h2>
          ) : workshop ? (
            <h1 className="text-3xl font-semibold tracking-tight break-words">
              <bdi>{workshop.title}</bdi>
            </h1>
          ) : (
            <p className="text-3xl font-semibold tracking-tight break-words">{t('findingWorkshop')}</p>
          )}
        </div>

        {workshop?.status === 'ended' ? (
          <Notice title={t('endedTitle')}>{t('endedBody')}</Notice>
        ) : (
          <>
            {(step.kind === 'checking' || step.kind === 'leaving') && (
              <p role="status" className="text-lg text-muted">
                {step.kind === 'leaving' ? t('openingBoard') : t('oneMoment')}
              </p>
            )}
            {step.kind === 'problem' && (
              <div className="flex flex-col gap-4">
                <Notice tone="problem">{step.message}</Notice>
                <Button variant="secondary" className="self-start" onClick={() => { setStep({ kind: 'checking' }); setAttempt((n) => n + 1); }}>
                  {t('tryAgain')}
                </Button>
              </div>
            )}
            {step.kind === 'name' && (
              <div className="flex flex-col gap-5">
                <NameStep joiningPartner={pairFromLink !== null} onSubmit={submitName} />
                {workshop && <RetentionNote days={workshop.retentionDays} />}
              </div>
            )}
            {step.kind === 'choice' && (
              <Suspense fallback={<p role="status" className="text-lg text-muted">{t('oneMoment')}</p>}>
                <ChoiceStep
                  name={step.name}
                  pairCode={pairFromLink ?? ''}
                  pairError={step.pairError}
                  onStart={() => startCouple(step.token)}
                  onJoin={(pairCode) => joinPartner(step.token, pairCode)}
                />
                <PairedByFacilitator token={step.token} onPaired={toBoard} />
              </Suspense>
            )}
          </>
        )}
      </main>
    </div>
  );
}

/** Where this person is, said once the page knows: joining which workshop, at which step. */
function joinPlace(t: AnnounceT, step: Step, workshop: WorkshopPublic | null): string | null {
  if (step.kind === 'not-found') return t('joinNotFound');
  if (!workshop) return null;
  if (workshop.status === 'ended') return t('joinEnded', { workshop: workshop.title });
  if (step.kind === 'name') return t('joinName', { workshop: workshop.title });
  if (step.kind === 'choice') return t('joinChoice', { workshop: workshop.title, name: step.name });
  return null;
}
