import { describe, expect, it } from 'vitest';
import { applyHostCommand, applyReady } from '../../lib/workshop/commands';
import { applyPause, applyPauseAck, pauseOf, pausesDuring } from '../../lib/workshop/pauses';
import { applyRoomNote } from '../../lib/workshop/roomNote';
import { initialWorkshopState, revealReason, type WorkshopState } from '../../lib/workshop/state';
import { roomNotePayloadSchema } from '../../lib/protocol';
import { MAX_ROOM_NOTE_CHARS } from '../../lib/limits';

const T0 = 1_000_000;
const ok = (r: ReturnType<typeof applyPause>): WorkshopState => {
  if (!r.ok) throw new Error(r.code);
  return r.state;
};
const inStep = (step: number) => ok(applyHostCommand(initialWorkshopState(), { type: 'goTo', step }, T0, 3));

describe('pause, reveal reason and note rules', () => {
  it('[R86] a pause is asked once, lifted only by the seat that asked, acknowledged without being lifted', () => {
    let s = inStep(1);
    s = ok(applyPause(s, 'c1', 'a', true, T0 + 5));
    expect(pauseOf(s, 'c1')).toEqual({ seat: 'a', step: 1, at: T0 + 5, acknowledged: false });
    const again = applyPause(s, 'c1', 'b', true, T0 + 6);
    expect(again.ok && again.state).toBe(s); // a no-op keeps the version
    expect(applyPause(s, 'c1', 'b', false, T0)).toMatchObject({ ok: false, code: 'forbidden' });
    s = ok(applyPauseAck(s, 'c1'));
    expect(pauseOf(s, 'c1')?.acknowledged).toBe(true);
    expect(applyPauseAck(s, 'c2')).toMatchObject({ ok: false, code: 'not_found' });
    const v = s.version;
    s = ok(applyPause(s, 'c1', 'a', false, T0));
    expect(pauseOf(s, 'c1')).toBeNull();
    expect(s.version).toBe(v + 1);
    expect(applyPause(initialWorkshopState(), 'c1', 'a', true, T0)).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('[R88] pauses are counted per step, whichever couple asked', () => {
    let s = inStep(0);
    s = ok(applyPause(s, 'c1', 'a', true, T0));
    s = ok(applyPause(s, 'c2', 'b', true, T0));
    s = ok(applyPause(s, 'c1', 'a', false, T0));
    s = ok(applyPause(s, 'c1', 'a', true, T0));
    expect([pausesDuring(s, 0), pausesDuring(s, 1)]).toEqual([3, 0]);
    // A state stored before pauses existed has none.
    expect(pausesDuring(inStep(0), 0)).toBe(0);
  });

  it('[R84] the reveal keeps how it happened', () => {
    let s = inStep(2);
    expect(revealReason(s, 'c1', 2)).toBeNull();
    s = ok(applyReady(s, 'c1', 'a', true));
    s = ok(applyReady(s, 'c1', 'b', true));
    expect(revealReason(s, 'c1', 2)).toBe('partners');
    s = ok(applyReady(s, 'c1', 'b', false));
    expect(revealReason(s, 'c1', 2)).toBe('partners');
    s = ok(applyHostCommand(s, { type: 'revealCouple', coupleId: 'c2' }, T0, 3));
    expect(revealReason(s, 'c2', 2)).toBe('facilitator');
    s = ok(applyHostCommand(s, { type: 'revealAll' }, T0, 3));
    expect([revealReason(s, 'c1', 2), revealReason(s, 'c3', 2)]).toEqual(['partners', 'facilitator']);
    // Revealing a revealed couple again is a no-op.
    const again = applyHostCommand(s, { type: 'revealCouple', coupleId: 'c1' }, T0, 3);
    expect(again.ok && again.state).toBe(s);
  });

  it('[R89] a note is one trimmed line of at most the cap, replaced by the next and cleared with null', () => {
    expect(roomNotePayloadSchema.safeParse({ text: '  Two more minutes  ' })).toMatchObject({ success: true, data: { text: 'Two more minutes' } });
    expect(roomNotePayloadSchema.safeParse({ text: 'x'.repeat(MAX_ROOM_NOTE_CHARS + 1) }).success).toBe(false);
    expect(roomNotePayloadSchema.safeParse({ text: 'a\u2028b' }).success).toBe(false);
    expect(roomNotePayloadSchema.safeParse({ text: null }).success).toBe(true);
    let s = ok(applyRoomNote(inStep(0), 'Two more minutes', T0));
    expect(s.note).toEqual({ text: 'Two more minutes', at: T0 });
    s = ok(applyRoomNote(s, 'Gather now', T0 + 1));
    expect(s.note?.text).toBe('Gather now');
    s = ok(applyRoomNote(s, null, T0 + 2));
    expect(s.note).toBeNull();
  });
});
