import { z } from 'zod';
import { MAX_ROOM_NOTE_CHARS } from '../limits';

/** Payloads and views of a couple's pause and the facilitator's note (docs/API.md, control plane). */

/** `pause`: a partner asks for a pause (true), or the partner who asked resumes (false). */
export const pausePayloadSchema = z.strictObject({ paused: z.boolean() });

/** `host:pauseAck`: the facilitator has seen a couple's pause. */
export const pauseAckPayloadSchema = z.strictObject({ coupleId: z.string().min(1).max(64) });

/** Line breaks, tabs and other control characters: a note is one line. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** `host:note`: one line to every phone, or null to clear it. Trimmed; empty is refused. */
export const roomNotePayloadSchema = z.strictObject({
  text: z.union([
    z
      .string()
      .trim()
      .min(1, 'A note needs some words.')
      .max(MAX_ROOM_NOTE_CHARS, `A note is at most ${MAX_ROOM_NOTE_CHARS} characters.`)
      .refine((t) => !CONTROL.test(t), 'A note is one line.'),
    z.null(),
  ]),
});

/** A couple's pause as its own phones see it: who asked (only they resume), and whether the facilitator has seen it. */
export interface PauseView {
  by: 'a' | 'b';
  since: number;
  acknowledged: boolean;
}

/** A couple's pause as the console sees it: that they asked, never who or why. */
export interface PauseSummary {
  since: number;
  acknowledged: boolean;
}

/** The facilitator's line, as every phone (and the projector) gets it in `workshop:state`. */
export interface RoomNoteView {
  text: string;
  at: number;
}
