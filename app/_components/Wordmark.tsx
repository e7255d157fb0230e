/** The quiet name at the top of participant pages; leads home. */
export function Wordmark() {
  return (
    // A plain link: leaving for home is rare, and next/link would put its code into the first load of every page
    // that has this header, and of every page at all through the root not-found boundary (which has it too).
    <a href="/" className="inline-flex min-h-11 items-center gap-2 rounded-lg text-lg font-semibold tracking-tight text-ink">
      <span aria-hidden="true" className="inline-flex">
        <span className="size-4 rounded-full bg-partner-a" />
        <span className="-ms-1.5 size-4 rounded-full bg-partner-b opacity-90" />
      </span>
      Twofold
    </a>
  );
}
