import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveTracker } from '../../lib/board/saveTracker';
import { syncFrame } from '../helpers/craftedUpdates';

/** A phone's doc with a tracker fed as useBoard feeds it: every update not from the server is local. */
function phone() {
  const doc = new Y.Doc();
  const tracker = new SaveTracker();
  const sent: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'server') return;
    tracker.local(update);
    sent.push(update);
  });
  return {
    doc,
    tracker,
    sent,
    /** The server sends a frame; the provider applies updates with itself as origin. */
    hear(frame: Uint8Array, update?: Uint8Array) {
      if (update) Y.applyUpdate(doc, update, 'server');
      tracker.fromServer(frame);
    },
  };
}

const update = (u: Uint8Array) => syncFrame(2, u);

describe('SaveTracker: "Saved" is the server\'s echo, never a guess', () => {
  it('[R69] a keystroke is unsaved until the server echoes it; the partner\'s relayed edit does not count', () => {
    const ana = phone();
    const server = new Y.Doc();
    ana.hear(syncFrame(0, Y.encodeStateVector(server)));
    expect(ana.tracker.saved).toBe(true);

    ana.doc.getText('t').insert(0, 'hello');
    expect(ana.tracker.saved).toBe(false);
    const [mine] = ana.sent;

    // Ben's keystroke arrives first (relayed after it was stored): Ana's is still on its way.
    const ben = new Y.Doc();
    ben.getText('t').insert(0, 'B');
    const bens = Y.encodeStateAsUpdate(ben);
    ana.hear(update(bens), bens);
    expect(ana.tracker.saved).toBe(false);

    ana.hear(update(mine));
    expect(ana.tracker.saved).toBe(true);
  });

  it('[R69] two keystrokes in flight: saved only when the second one is back', () => {
    const ana = phone();
    ana.hear(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    ana.doc.getText('t').insert(0, 'a');
    ana.doc.getText('t').insert(1, 'b');
    const [first, second] = ana.sent;
    ana.hear(update(first));
    expect(ana.tracker.saved).toBe(false);
    ana.hear(update(second));
    expect(ana.tracker.saved).toBe(true);
  });

  it('[R69] a deletion (which moves no clock) is unsaved until the echo carries it', () => {
    const ana = phone();
    ana.hear(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    ana.doc.getText('t').insert(0, 'hello');
    ana.hear(update(ana.sent[0]));
    expect(ana.tracker.saved).toBe(true);

    ana.doc.getText('t').delete(0, 2);
    expect(ana.tracker.saved).toBe(false);
    // An unrelated relay carries no such deletion.
    const other = new Y.Doc();
    other.getText('x').insert(0, 'x');
    ana.hear(update(Y.encodeStateAsUpdate(other)), Y.encodeStateAsUpdate(other));
    expect(ana.tracker.saved).toBe(false);
    ana.hear(update(ana.sent[1]));
    expect(ana.tracker.saved).toBe(true);
  });

  it('[R69] what this phone kept offline is unsaved after a reload until the server holds it; an earlier connection proves nothing', () => {
    const kept = new Y.Doc();
    kept.getText('t').insert(0, 'written offline');
    const ana = phone();
    // The server held part of it already (an earlier keystroke), not the rest.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(kept));
    const serverAtFirst = new Y.Doc();
    Y.applyUpdate(ana.doc, Y.encodeStateAsUpdate(kept), 'indexeddb');
    expect(ana.tracker.saved).toBe(false);

    ana.hear(syncFrame(0, Y.encodeStateVector(serverAtFirst)));
    expect(ana.tracker.saved).toBe(false);

    // A new connection to a server that holds it all: its state vector says so.
    ana.tracker.connected();
    ana.hear(syncFrame(0, Y.encodeStateVector(server)));
    // The deletions restored with it are covered by the server's sync step 2 (its whole delete set).
    ana.hear(syncFrame(1, Y.encodeStateAsUpdate(server, Y.encodeStateVector(ana.doc))));
    expect(ana.tracker.saved).toBe(true);
  });

  it('[R69] frames that are not board content, or unreadable, confirm nothing', () => {
    const ana = phone();
    ana.doc.getText('t').insert(0, 'x');
    ana.tracker.fromServer(new Uint8Array([1, 2, 3]));
    ana.tracker.fromServer(new Uint8Array([0, 2, 200]));
    expect(ana.tracker.saved).toBe(false);
  });
});
