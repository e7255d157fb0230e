'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export interface ConsoleNotice {
  id: number;
  text: string;
}

/** Long enough to read twice; the facilitator may be looking at the room, not the screen. */
const NOTICE_MS = 10_000;

/** Non-blocking problem notices for the console: newest last, each fading out by itself. */
export function useNotices() {
  const [notices, setNotices] = useState<ConsoleNotice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    setNotices((list) => list.filter((n) => n.id !== id));
    window.clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const notify = useCallback(
    (text: string) => {
      const id = nextId.current++;
      // The same failure twice in a row (a double click) shows once.
      setNotices((list) => [...list.filter((n) => n.text !== text), { id, text }].slice(-4));
      timers.current.set(id, window.setTimeout(() => dismiss(id), NOTICE_MS));
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => window.clearTimeout(t));
  }, []);

  return { notices, notify, dismiss };
}
