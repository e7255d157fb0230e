/**
 * Set by the server on a page request whose room code or review secret names nothing
 * (server/http/missingPages.ts), replacing any value a client sent: such a page renders its
 * "not found" words without asking the API first, so a run of wrong codes never counts
 * against the server's own address in the guessing limits ([R8]).
 */
export const MISSING_PAGE_HEADER = 'x-twofold-missing';
