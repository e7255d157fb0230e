'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/** Enough for two things said at once (a reveal and "time's up") to both be heard; older lines are dropped. */
const KEPT_MESSAGES = 3;

/**
 * One polite live region for the whole page, there from the first paint so
 * assistive technology listens before anything is said. Each message is a new
 * node, so the same words said twice are heard twice; focus never moves.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<{ id: number; text: string }[]>([]);
  const nextId = useRef(1);
  const announce = useCallback<Announce>((text) => {
    if (!text) return;
    const id = nextId.current++;
    setMessages((list) => [...list, { id, text }].slice(-KEPT_MESSAGES));
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-relevant="additions text" data-announcer="" className="sr-only">
        {messages.map((m) => (
          <p key={m.id}>{m.text}</p>
        ))}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Says a message politely, without moving focus. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/**
 * Says where the person is whenever that changes, the first time included
 * (the route announcer only knows the page, not what it loaded). null: not
 * known yet, nothing said.
 */
export function useAnnouncePlace(place: string | null): void {
  const announce = useAnnounce();
  const said = useRef<string | null>(null);
  useEffect(() => {
    if (place === null || place === said.current) return;
    said.current = place;
    announce(place);
  }, [place, announce]);
}

/**
 * Says what `describe` makes of a change of `value` (a string, number,
 * boolean or null, compared by identity), never for the value the page
 * opened with: a change seen, not a state found.
 */
export function useAnnounceChange<T extends string | number | boolean | null>(value: T, describe: (from: T, to: T) => string | null): void {
  const announce = useAnnounce();
  const previous = useRef(value);
  // `describe` is usually a new closure each render; the comparison with the previous value is what decides.
  useEffect(() => {
    const from = previous.current;
    previous.current = value;
    if (Object.is(from, value)) return;
    const message = describe(from, value);
    if (message) announce(message);
  }, [value, announce, describe]);
}
