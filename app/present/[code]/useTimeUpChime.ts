'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Timer } from '../../../lib/protocol';

type AudioState = 'unknown' | 'allowed' | 'held';

/**
 * A soft two-note chime made in code (Web Audio): sine tones that swell in over 30 ms and fade
 * over about two seconds, quiet enough not to startle anyone mid-sentence.
 */
function playChime(ctx: AudioContext): void {
  const start = ctx.currentTime + 0.05;
  for (const [freq, delay] of [[659.25, 0], [987.77, 0.35]] as const) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + delay);
    gain.gain.exponentialRampToValueAtTime(0.18, start + delay + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + delay + 2.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + delay);
    osc.stop(start + delay + 2.3);
  }
}

/**
 * Chimes once when the room's running countdown reaches zero while this screen watches (never
 * when the page opens on a finished one), if the facilitator left the chime on. Browsers hold
 * sound back until someone interacts with the page: `audio` says so ('held'), and `allow` (from
 * a click) lets it play from then on.
 */
export function useTimeUpChime(timer: Timer | null, msLeft: number | null, enabled: boolean) {
  const ctxRef = useRef<AudioContext | null>(null);
  const [audio, setAudio] = useState<AudioState>('unknown');
  const sawTimeLeft = useRef(false);
  const atZero = timer?.state === 'running' && msLeft === 0;

  const context = useCallback((): AudioContext | null => {
    if (ctxRef.current) return ctxRef.current;
    if (typeof window.AudioContext !== 'function') return null;
    ctxRef.current = new AudioContext();
    return ctxRef.current;
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let ctx: AudioContext | null = null;
    const update = () => ctx && setAudio(ctx.state === 'running' ? 'allowed' : 'held');
    // The first audio context of a page blocks the main thread while the audio output opens (50-70 ms,
    // measured, whatever the CPU's speed): not while the wall is loading and connecting. A countdown is minutes away.
    const cancel = whenSettled(() => {
      ctx = context();
      if (!ctx) return;
      // A context made without a gesture starts suspended where autoplay is blocked; resume() then stays pending.
      void ctx.resume().catch(() => undefined).then(update);
      update();
      ctx.addEventListener('statechange', update);
    });
    return () => {
      cancel();
      ctx?.removeEventListener('statechange', update);
    };
  }, [enabled, context]);

  useEffect(() => () => void ctxRef.current?.close().catch(() => undefined), []);

  useEffect(() => {
    if (msLeft !== null && msLeft > 0) sawTimeLeft.current = true;
    if (atZero && sawTimeLeft.current) {
      sawTimeLeft.current = false;
      if (!enabled) return;
      // A countdown that ends before the audio was set up (the wall opened moments ago) sets it up now.
      const ctx = ctxRef.current ?? context();
      // (Where the browser holds sound back, a context made now starts suspended: no chime, and the button follows.)
      if (ctx?.state === 'running') playChime(ctx);
    }
  }, [msLeft, atZero, enabled, context]);

  const allow = useCallback(async () => {
    const ctx = context();
    if (!ctx) return;
    await ctx.resume().catch(() => undefined);
    setAudio(ctx.state === 'running' ? 'allowed' : 'held');
    // Heard once now, so the person who tapped knows what the room will hear.
    if (ctx.state === 'running') playChime(ctx);
  }, [context]);

  return { audio: enabled ? audio : 'unknown', allow };
}

/** How long the wall shows its live state before the chime's audio is set up. */
const SETTLE_MS = 3_000;

/** Runs `task` once the wall has settled: SETTLE_MS, then the next idle moment (at the latest two seconds on); returns a cancel. */
function whenSettled(task: () => void): () => void {
  let idle: number | null = null;
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(task, { timeout: 2000 });
    else task();
  }, SETTLE_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== null) window.cancelIdleCallback(idle);
  };
}
