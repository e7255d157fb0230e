/**
 * Words about columns, derived from their labels. The library's columns read
 * "What I bring" / "What I need"; said about the partner that becomes "What
 * Sam brings". Labels of any other shape (a facilitator's own columns, or
 * "Qualities") get a plain form that is never wrong.
 */
const FIRST_PERSON = /^What I (\p{L}+)(.*)$/u;

const IRREGULAR: Record<string, string> = { have: 'has', do: 'does', go: 'goes', am: 'is' };

/** "bring" → "brings", "miss" → "misses", "carry" → "carries". */
function thirdPerson(verb: string): string {
  const lower = verb.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  if (/(s|sh|ch|x|z|o)$/.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Heading over the partner's entries of a column: "What Sam brings", or "Qualities — Sam". */
export function partnerHeading(label: string, name: string): string {
  const match = FIRST_PERSON.exec(label);
  return match ? `What ${name} ${thirdPerson(match[1])}${match[2]}` : `${label} — ${name}`;
}

/** Label of the link picker on one of my entries: "Met by what Sam brings". */
export function linkPickerLabel(toLabel: string, name: string): string {
  const heading = partnerHeading(toLabel, name);
  return `Met by ${FIRST_PERSON.test(toLabel) ? heading.charAt(0).toLowerCase() + heading.slice(1) : heading}`;
}

/** What the entries of the linking column are called in "meets 2 of Sam's needs": "needs", or "entries". */
export function linkNoun(fromLabel: string): string {
  const match = FIRST_PERSON.exec(fromLabel);
  return match && match[2] === '' ? `${match[1].toLowerCase()}s` : 'entries';
}
