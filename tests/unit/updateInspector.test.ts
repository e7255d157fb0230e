import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, answerEntryId, answerText, countByExercise, deleteEntry, setLink, setMarker } from '../../lib/board/schema';
import { inspectUpdate, type WriteRules } from '../../lib/board/updateInspector';
import { MAX_STRUCTS_PER_UPDATE, prescanUpdate } from '../../lib/board/updatePrescan';
import type { Seat } from '../../lib/protocol/http';
import { chainedCharacters, deepMaps, manyRoots, nestedMapsInEntries } from '../helpers/craftedUpdates';

/**
 * The board's schema and authorship, checked on updates as the server sees them: each
 * partner edits a replica of their own, the server's doc holds what was accepted.
 */
const AGENDA = new Set(['bring-need', 'spectrum']);

function room() {
  const server = new Y.Doc();
  const phones = { a: new Y.Doc(), b: new Y.Doc() };
  const clientSeats = new Map<number, Seat>();
  const rules = (seat: Seat | null): WriteRules => ({ seat, exercises: AGENDA, clientSeats });
  /** Makes an edit on one phone and returns the server's verdict; accepted edits reach everyone. */
  function edit(seat: Seat, change: (doc: Y.Doc) => void) {
    const updates: Uint8Array[] = [];
    const capture = (u: Uint8Array) => updates.push(u);
    phones[seat].on('update', capture);
    change(phones[seat]);
    phones[seat].off('update', capture);
    return send(seat, Y.mergeUpdates(updates));
  }
  function send(seat: Seat, update: Uint8Array) {
    const verdict = inspectUpdate(server, update, rules(seat));
    if (verdict.ok) {
      Y.applyUpdate(server, update);
      for (const doc of Object.values(phones)) Y.applyUpdate(doc, update);
    } else {
      // The sender's replica is put back in step with the server, as a resync would.
      phones[seat] = new Y.Doc();
      Y.applyUpdate(phones[seat], Y.encodeStateAsUpdate(server));
    }
    return verdict;
  }
  return { server, phones, edit, send, rules };
}

const entry = (id: string, author: Seat, exercise = 'bring-need', column = 'bring') => ({ id, exercise, column, author, createdAt: 1 });

describe('what the app writes keeps the schema', () => {
  it('[R43] entries, typing, answers, links, markers and deleting one’s own are accepted', () => {
    const r = room();
    expect(r.edit('a', (d) => addEntry(d, entry('a1', 'a'), 'I bring calm'))).toEqual({ ok: true });
    expect(r.edit('b', (d) => addEntry(d, entry('b1', 'b', 'bring-need', 'need'), 'I need quiet'))).toEqual({ ok: true });
    expect(r.edit('a', (d) => (d.getMap('entries').get('a1') as Y.Map<Y.Text>).get('text')!.insert(12, ' evenings'))).toEqual({ ok: true });
    expect(r.edit('b', (d) => answerText(d, 'bring-need', 'q1', 'b', 2).insert(0, 'Yes'))).toEqual({ ok: true });
    expect(r.edit('b', (d) => setLink(d, 'b1', 'a1'))).toEqual({ ok: true });
    expect(r.edit('a', (d) => setMarker(d, 'spectrum', 'money', 'a', 0.5))).toEqual({ ok: true });
    expect(r.edit('a', (d) => setMarker(d, 'spectrum', 'money', 'a', null))).toEqual({ ok: true });
    // A's bring has B's link on it: deleting one's own entry also drops the partner's link to it.
    expect(r.edit('a', (d) => deleteEntry(d, 'a1'))).toEqual({ ok: true });
    expect(r.server.getMap('entries').has('a1')).toBe(false);
    expect(r.server.getMap('links').size).toBe(0);
    expect((r.server.getMap('entries').get('b1') as Y.Map<Y.Text>).get('text')!.toString()).toBe('I need quiet');
  });

  it('[R43] a stored update of unknown sender is checked for its schema only', () => {
    const r = room();
    const doc = new Y.Doc();
    addEntry(doc, entry('x', 'b'), 'words');
    expect(inspectUpdate(r.server, Y.encodeStateAsUpdate(doc), { seat: null, exercises: null })).toEqual({ ok: true });
  });
});

describe('[R44] a partner cannot write, change or delete in the other’s name', () => {
  it('an entry with the partner as author is refused', () => {
    const r = room();
    const v = r.edit('a', (d) => addEntry(d, entry('fake', 'b'), 'I want to leave you'));
    expect(v).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.server.getMap('entries').size).toBe(0);
  });

  it('rewriting, deleting or replacing the partner’s entry is refused', () => {
    const r = room();
    expect(r.edit('b', (d) => addEntry(d, entry('b1', 'b'), 'my words'))).toEqual({ ok: true });
    const text = (d: Y.Doc) => (d.getMap('entries').get('b1') as Y.Map<Y.Text>).get('text')!;
    expect(r.edit('a', (d) => text(d).insert(0, 'not '))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.edit('a', (d) => text(d).delete(0, 2))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.edit('a', (d) => d.getMap('entries').delete('b1'))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.edit('a', (d) => addEntry(d, entry('b1', 'a'), 'mine now'))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.edit('a', (d) => (d.getMap('entries').get('b1') as Y.Map<unknown>).set('author', 'a'))).toMatchObject({ ok: false });
    expect(text(r.server).toString()).toBe('my words');
  });

  it('the partner’s markers and links from the partner’s needs are refused', () => {
    const r = room();
    expect(r.edit('b', (d) => addEntry(d, entry('need', 'b', 'bring-need', 'need'), 'x'))).toEqual({ ok: true });
    expect(r.edit('a', (d) => addEntry(d, entry('bring', 'a'), 'y'))).toEqual({ ok: true });
    expect(r.edit('a', (d) => setMarker(d, 'spectrum', 'money', 'b', 1))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.edit('a', (d) => setLink(d, 'need', 'bring'))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.edit('b', (d) => setLink(d, 'need', 'bring'))).toEqual({ ok: true });
  });

  it('structs under the partner’s Yjs client id are refused', () => {
    const r = room();
    expect(r.edit('b', (d) => addEntry(d, entry('b1', 'b'), 'mine'))).toEqual({ ok: true });
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(r.server));
    forged.clientID = r.phones.b.clientID; // after the sync: Yjs itself changes an id it sees others use
    const before = Y.encodeStateVector(forged);
    addEntry(forged, entry('a2', 'a'), 'under B’s id');
    expect(r.send('a', Y.encodeStateAsUpdate(forged, before))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
  });
});

/** A raw update (Yjs v1 encoding) of collected structs and deletions, as a crafted client writes it. */
function rawUpdate(gcs: { client: number; clock: number; len: number }[], deletions: { client: number; clock: number; len: number }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, gcs.length);
  for (const gc of gcs) {
    encoding.writeVarUint(e, 1); // one struct of this client
    encoding.writeVarUint(e, gc.client);
    encoding.writeVarUint(e, gc.clock);
    encoding.writeUint8(e, 0); // a GC struct
    encoding.writeVarUint(e, gc.len);
  }
  encoding.writeVarUint(e, deletions.length);
  for (const d of deletions) {
    encoding.writeVarUint(e, d.client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, d.clock);
    encoding.writeVarUint(e, d.len);
  }
  return encoding.toUint8Array(e);
}

describe('[R44] ways around authorship found by the board attack suite', () => {
  const bensText = (d: Y.Doc) => (d.getMap('entries').get('b1') as Y.Map<Y.Text>).get('text')!;

  it('a deletion of the partner’s clocks still to come is refused (Yjs would keep it and delete their next words on arrival)', () => {
    const r = room();
    expect(r.edit('b', (d) => addEntry(d, entry('b1', 'b'), 'hello'))).toEqual({ ok: true });
    const ben = r.phones.b.clientID;
    const next = Y.getState(r.server.store, ben);
    expect(r.send('a', rawUpdate([], [{ client: ben, clock: next, len: 100 }]))).toMatchObject({ ok: false, refusal: { reason: 'missing' } });
    expect(r.send('a', rawUpdate([], [{ client: ben, clock: next - 1, len: 2 }]))).toMatchObject({ ok: false, refusal: { reason: 'missing' } });
    expect(r.server.store.pendingDs).toBeNull();
    expect(r.edit('b', (d) => bensText(d).insert(5, ' world'))).toEqual({ ok: true });
    expect(bensText(r.server).toString()).toBe('hello world');
  });

  it('one’s own deletions of structs in the same update (typed and deleted before it was sent) still pass', () => {
    const r = room();
    expect(r.edit('a', (d) => {
      d.transact(() => {
        const text = addEntry(d, entry('a1', 'a'), 'typo');
        text.delete(0, 4);
        text.insert(0, 'fixed');
      });
    })).toEqual({ ok: true });
    expect((r.server.getMap('entries').get('a1') as Y.Map<Y.Text>).get('text')!.toString()).toBe('fixed');
  });

  it('collected structs (Y.GC) under the partner’s client id are refused (Yjs would skip the partner’s next edits)', () => {
    const r = room();
    expect(r.edit('b', (d) => addEntry(d, entry('b1', 'b'), 'hello'))).toEqual({ ok: true });
    const ben = r.phones.b.clientID;
    expect(r.send('a', rawUpdate([{ client: ben, clock: Y.getState(r.server.store, ben), len: 50 }], []))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.edit('b', (d) => bensText(d).insert(0, 'X'))).toEqual({ ok: true });
    expect(bensText(r.server).toString()).toBe('Xhello');
  });

  it('an entry under the partner’s answer id is refused (their phone would show it as their answer)', () => {
    const r = room();
    const squat = answerEntryId('bring-need', 'q1', 'b');
    expect(r.edit('a', (d) => addEntry(d, { ...entry(squat, 'a'), column: 'q1' }, 'I want to leave you'))).toMatchObject({ ok: false, refusal: { reason: 'author' } });
    expect(r.edit('b', (d) => answerText(d, 'bring-need', 'q1', 'b', 1).insert(0, 'my answer'))).toEqual({ ok: true });
    expect(r.edit('a', (d) => answerText(d, 'bring-need', 'q1', 'a', 1).insert(0, 'mine'))).toEqual({ ok: true });
  });

  it('a marker for an exercise not on the agenda is refused (the console counts markers by the exercise they name)', () => {
    const r = room();
    expect(r.edit('a', (d) => setMarker(d, 'smuggled-words', 'money', 'a', 0.5))).toMatchObject({ ok: false, refusal: { reason: 'exercise' } });
    expect(r.edit('a', (d) => setMarker(d, 'spectrum', 'money', 'a', 0.5))).toEqual({ ok: true });
    expect(Object.keys(countByExercise(r.server))).toEqual(['spectrum']);
  });
});

describe('[R45] anything but the board’s schema is refused before it costs anything', () => {
  /** The update of one transaction, as a client sends it (encodeStateAsUpdate would be quadratic in roots). */
  const crafted = (build: (d: Y.Doc) => void) => {
    const d = new Y.Doc();
    let update: Uint8Array | null = null;
    d.on('update', (u: Uint8Array) => (update = u));
    d.transact(() => build(d));
    return update!;
  };
  const check = (update: Uint8Array, seat: Seat | null = 'a') => inspectUpdate(new Y.Doc(), update, { seat, exercises: AGENDA });

  it('other roots, types and nesting', () => {
    expect(check(crafted((d) => d.getText('notes').insert(0, 'x')))).toMatchObject({ ok: false, refusal: { reason: 'root' } });
    expect(check(crafted((d) => d.getArray('entries').push(['x'])))).toMatchObject({ ok: false, refusal: { reason: 'shape' } });
    expect(check(crafted((d) => d.getMap('entries').set('e', new Y.Array())))).toMatchObject({ ok: false, refusal: { reason: 'type' } });
    expect(check(crafted((d) => d.getMap('links').set('e', new Y.Map())))).toMatchObject({ ok: false, refusal: { reason: 'type' } });
    expect(
      check(
        crafted((d) => {
          const e = new Y.Map();
          d.getMap('entries').set('e', e);
          e.set('author', 'a');
          e.set('extra', new Y.Map());
        }),
      ),
    ).toMatchObject({ ok: false, refusal: { reason: 'shape' } });
  });

  it('an entry for an exercise not on the agenda (the console counts agenda items only)', () => {
    expect(check(crafted((d) => addEntry(d, entry('e', 'a', 'my secret message'), 'x')))).toMatchObject({ ok: false, refusal: { reason: 'exercise' } });
  });

  it('70,000 root types and maps 20,000 deep are refused quickly', () => {
    // Written as an attacker sends them (tests/helpers/craftedUpdates.ts): stock Yjs takes seconds to encode the first.
    const roots = manyRoots();
    const deep = deepMaps().nested;
    const started = performance.now();
    expect(check(roots, null)).toMatchObject({ ok: false, refusal: { reason: 'root' } });
    expect(check(deep, null)).toMatchObject({ ok: false });
    // Not a timing test: one pass, whatever the machine; a quadratic check would take seconds here.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('more entries in one update than a board may hold', () => {
    const many = crafted((d) => {
      for (let i = 0; i < 401; i++) addEntry(d, entry(`e${i}`, 'a'), '');
    });
    expect(check(many)).toMatchObject({ ok: false, refusal: { reason: 'too_many' } });
  });

  it('an update that does not decode', () => {
    expect(check(new Uint8Array([1, 2, 3, 4, 5]))).toMatchObject({ ok: false, refusal: { reason: 'unreadable' } });
  });
});

describe('[R43][R45] found by the schema fuzzer and the board attack suite', () => {
  const textId = (d: Y.Doc, id: string) => ((d.getMap('entries').get(id) as Y.Map<Y.Text>).get('text')!._item as Y.Item).id;

  it('an entry is whole when created and keeps its fields until it is deleted itself (a map without author would belong to no one)', () => {
    const r = room();
    expect(r.edit('a', (d) => addEntry(d, entry('a1', 'a'), 'mine'))).toEqual({ ok: true });
    const own = (d: Y.Doc) => d.getMap('entries').get('a1') as Y.Map<unknown>;
    expect(r.edit('a', (d) => own(d).delete('author'))).toMatchObject({ ok: false, refusal: { reason: 'shape' } });
    expect(r.edit('a', (d) => own(d).delete('exercise'))).toMatchObject({ ok: false, refusal: { reason: 'shape' } });
    expect(r.edit('a', (d) => d.transact(() => (own(d).set('author', 'a'), own(d).delete('author'))))).toMatchObject({ ok: false, refusal: { reason: 'shape' } });
    expect(r.edit('a', (d) => own(d).set('column', 'need'))).toEqual({ ok: true }); // replaced, not dropped
    expect(r.edit('a', (d) => {
      const bare = new Y.Map<unknown>();
      d.getMap('entries').set('a2', bare);
      bare.set('author', 'a');
    })).toMatchObject({ ok: false, refusal: { reason: 'shape' } });
    expect(r.edit('a', (d) => deleteEntry(d, 'a1'))).toEqual({ ok: true });
  });

  it('100,000 structs each placed by the one before are read in one pass (a stored board), and a client may send at most 10,000 in one update', () => {
    const r = room();
    expect(r.edit('a', (d) => addEntry(d, entry('a1', 'a'), 'x'))).toEqual({ ok: true });
    const chain = chainedCharacters(100_000, textId(r.server, 'a1'));
    const started = performance.now();
    expect(inspectUpdate(r.server, chain, { seat: null, exercises: AGENDA })).toEqual({ ok: true });
    // Not a timing test: a scan per struct took 28 s here; one pass takes well under a second.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(inspectUpdate(r.server, chain, r.rules('a'))).toMatchObject({ ok: false, refusal: { reason: 'too_many' } });
    expect(inspectUpdate(r.server, chainedCharacters(MAX_STRUCTS_PER_UPDATE, textId(r.server, 'a1')), r.rules('a'))).toEqual({ ok: true });
  }, 30_000);
});

describe('[R45] crafted updates are refused from their bytes, before Yjs decodes them into objects', () => {
  it('70,000 roots, maps 20,000 deep and maps inside entries stop at their first foreign struct', () => {
    expect(prescanUpdate(manyRoots())).toMatchObject({ reason: 'root' });
    expect(prescanUpdate(deepMaps().nested)).toMatchObject({ reason: 'shape' });
    expect(prescanUpdate(nestedMapsInEntries())).toMatchObject({ reason: 'shape' });
  });

  it('never refuses what the app writes: random edits of both partners pass the byte walk and the inspection', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), id: fc.uuid(), text: fc.string({ maxLength: 40 }), column: fc.constantFrom('bring', 'need') }),
      fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 10 }), which: fc.nat() }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 5 }), which: fc.nat() }),
      fc.record({ kind: fc.constant('answer' as const), question: fc.constantFrom('q1', 'q2'), text: fc.string({ minLength: 1, maxLength: 10 }) }),
      fc.record({ kind: fc.constant('marker' as const), area: fc.constantFrom('money', 'home'), position: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }) }),
      fc.record({ kind: fc.constant('link' as const), which: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), which: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom<Seat>('a', 'b'), edit), { minLength: 1, maxLength: 25 }), (script) => {
        const r = room();
        for (const [seat, e] of script) {
          const mine = (d: Y.Doc) => [...d.getMap('entries').entries()].filter(([, v]) => (v as Y.Map<unknown>).get('author') === seat);
          const pick = <T,>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined);
          const verdict = r.edit(seat, (d) => {
            if (e.kind === 'add') addEntry(d, entry(e.id, seat, 'bring-need', e.column), e.text);
            else if (e.kind === 'type' || e.kind === 'cut') {
              const text = (pick(mine(d), e.which)?.[1] as Y.Map<Y.Text> | undefined)?.get('text');
              if (text && e.kind === 'type') text.insert(e.at % (text.length + 1), e.text);
              if (text && e.kind === 'cut' && text.length > 0) text.delete(e.at % text.length, Math.min(e.len, text.length - (e.at % text.length)));
            } else if (e.kind === 'answer') answerText(d, 'bring-need', e.question, seat, 1).insert(0, e.text);
            else if (e.kind === 'marker') setMarker(d, 'spectrum', e.area, seat, e.position);
            else if (e.kind === 'link') {
              const need = pick(mine(d), e.which)?.[0];
              const theirs = pick([...d.getMap('entries').keys()].filter((k) => !mine(d).some(([m]) => m === k)), e.to);
              if (need && theirs) setLink(d, need, theirs);
            } else {
              const own = pick(mine(d), e.which)?.[0];
              if (own) deleteEntry(d, own);
            }
          });
          expect(verdict).toEqual({ ok: true });
        }
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });
});
