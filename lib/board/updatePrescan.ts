import * as decoding from 'lib0/decoding';
import { ENTRIES_KEY } from './schema';
import { refusal, type SchemaRefusal } from './schemaRefusal';
import { BOARD_ROOTS, ENTRY_FIELDS, MAX_KEY_CHARS } from './schemaPlaces';

/**
 * A first look at an update's bytes (Yjs v1 encoding), before Yjs decodes it into objects:
 * decoding a crafted 1 MB update (70,000 root types, maps 20,000 deep) takes 50–200 ms of the
 * event loop, however soon the inspection would refuse it. This walk builds nothing and stops at
 * the first struct whose explicit place or content no client of the app ever writes: a root
 * outside the schema, a key an entry does not have, a map or text where none belongs, a kind
 * of content the board never holds. Everything it lets through is inspected in full
 * (updateInspector.ts), so it only ever refuses earlier, never accepts: a struct placed by its
 * origins, or bytes it cannot read, are left to the inspection.
 */

const BIT6_HAS_KEY = 0x20;
const BIT7_HAS_RIGHT = 0x40;
const BIT8_HAS_LEFT = 0x80;
const CONTENT_REF = 0x1f;
const REF = { gc: 0, deleted: 1, string: 4, type: 7, any: 8, skip: 10 } as const;
/** Content refs of Yjs the board never holds: JSON, binary, embeds, formatting, subdocs. */
const FOREIGN_CONTENT = new Set([2, 3, 5, 6, 9]);
const TYPE = { map: 1, text: 2, xmlElement: 3, xmlHook: 5 } as const;

type Parent = { root: string } | 'item' | null;

/**
 * Structs one client update may bring. Inspecting and applying cost time in structs, not bytes:
 * 1 MB can hold 100,000 of them, half a second of the event loop. A phone brings one per
 * keystroke at a new place and seven per new entry; a whole board may hold 200,000.
 */
export const MAX_STRUCTS_PER_UPDATE = 10_000;

export function prescanUpdate(update: Uint8Array, maxStructs = Number.POSITIVE_INFINITY): SchemaRefusal | null {
  const d = decoding.createDecoder(update);
  let total = 0;
  try {
    const clients = decoding.readVarUint(d);
    for (let c = 0; c < clients; c++) {
      const structs = decoding.readVarUint(d);
      total += structs;
      if (total > maxStructs) return refusal('too_many', `more than ${maxStructs} structs in one update`);
      decoding.readVarUint(d); // client id
      decoding.readVarUint(d); // first clock
      for (let s = 0; s < structs; s++) {
        const wrong = readStruct(d);
        if (wrong) return wrong;
      }
    }
  } catch {
    // Not readable here: the inspection decodes it with Yjs and says why.
  }
  return null;
}

function readStruct(d: decoding.Decoder): SchemaRefusal | null {
  const info = decoding.readUint8(d);
  const ref = info & CONTENT_REF;
  if (ref === REF.gc || ref === REF.skip) {
    decoding.readVarUint(d);
    return null;
  }
  const placedByOrigins = (info & (BIT7_HAS_RIGHT | BIT8_HAS_LEFT)) !== 0;
  if (info & BIT8_HAS_LEFT) readId(d);
  if (info & BIT7_HAS_RIGHT) readId(d);
  let parent: Parent = null;
  let key: string | null = null;
  if (!placedByOrigins) {
    if (decoding.readVarUint(d) === 1) parent = { root: decoding.readVarString(d) };
    else {
      readId(d);
      parent = 'item';
    }
    if (info & BIT6_HAS_KEY) key = decoding.readVarString(d);
  }
  // The whole struct is read before it is judged: bytes that do not decode are the inspection's to refuse (4400).
  const { typeRef, values } = readContent(d, ref);
  if (FOREIGN_CONTENT.has(ref)) return refusal('type', 'content the board never holds');
  if (ref === REF.any && values !== 1) return refusal('type', 'a value that is not one primitive');
  return parent === null ? null : placeRefusal(parent, key, ref, typeRef);
}

/** Reads one struct's content as Yjs's v1 decoder does (Item.js `contentRefs`), keeping only what is judged. */
function readContent(d: decoding.Decoder, ref: number): { typeRef: number | null; values: number } {
  let typeRef: number | null = null;
  let values = 0;
  switch (ref) {
    case REF.deleted:
      decoding.readVarUint(d);
      break;
    case 2: // JSON: a count, then each value as a JSON string
      for (let n = decoding.readVarUint(d); n > 0; n--) decoding.readVarString(d);
      break;
    case 3: // binary
      decoding.readVarUint8Array(d);
      break;
    case REF.string:
    case 5: // an embed, as a JSON string
      decoding.readVarString(d);
      break;
    case 6: // formatting: key and JSON value
      decoding.readVarString(d);
      decoding.readVarString(d);
      break;
    case REF.type:
      typeRef = decoding.readVarUint(d);
      if (typeRef === TYPE.xmlElement || typeRef === TYPE.xmlHook) decoding.readVarString(d);
      break;
    case REF.any:
      values = decoding.readVarUint(d);
      for (let n = 0; n < values; n++) decoding.readAny(d);
      break;
    case 9: // a subdocument: guid and options
      decoding.readVarString(d);
      decoding.readAny(d);
      break;
    default:
      throw new Error('unknown content'); // Yjs cannot decode it either
  }
  return { typeRef, values };
}

/** What the inspection would refuse about a struct that names its parent and key itself. */
function placeRefusal(parent: Exclude<Parent, null>, key: string | null, ref: number, typeRef: number | null): SchemaRefusal | null {
  if (typeRef !== null && typeRef !== TYPE.map && typeRef !== TYPE.text) return refusal('type', 'a type the board does not have');
  if (parent !== 'item') {
    if (!BOARD_ROOTS.has(parent.root)) return refusal('root', 'a root the board does not have');
    if (key === null || key.length > MAX_KEY_CHARS) return refusal('shape', 'a root entry without a fitting key');
    if (parent.root === ENTRIES_KEY) return ref === REF.deleted || typeRef === TYPE.map ? null : refusal('type', 'an entry that is not a map');
    return typeRef === null ? null : refusal('type', 'a type where the board holds values');
  }
  if (key !== null) {
    if (!ENTRY_FIELDS.has(key)) return refusal('shape', 'an entry field the board does not have');
    if (typeRef === TYPE.map || (typeRef === TYPE.text && key !== 'text')) return refusal('depth', 'nesting the board does not have');
    return null;
  }
  // No key: an element of a list, and the board's only list is an entry's text.
  return ref === REF.string || ref === REF.deleted ? null : refusal('depth', 'nesting the board does not have');
}

function readId(d: decoding.Decoder): void {
  decoding.readVarUint(d);
  decoding.readVarUint(d);
}
