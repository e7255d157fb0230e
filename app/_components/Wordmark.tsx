import Link from 'next/link';

/** The quiet name at the top of participant pages; leads home. */
export function Wordmark() {
  return (
    // No prefetch: leaving for home is rare, and prefetching it costs every phone two requests and their parsing while the page starts.
    <Link href="/" prefetch={false} className="inline-flex min-h-11 items-center gap-2 rounded-lg text-lg font-semibold tracking-tight text-ink">
      <span aria-hidden="true" className="inline-flex">
        <span className="size-4 rounded-full bg-partner-a" />
        <span className="-ms-1.5 size-4 rounded-full bg-partner-b opacity-90" />
      </span>
      Twofold
    </Link>
  );
}
