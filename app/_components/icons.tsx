/** Small line icons beside button labels; decorative (aria-hidden), the label says what the button does. */

export function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M8 2.5V10M5 7l3 3 3-3" />
      <path d="M3 13.5h10" />
    </svg>
  );
}

export function PrintIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
      <path d="M4.5 6V2.5h7V6" />
      <rect x="2.5" y="6" width="11" height="5" rx="1" />
      <path d="M4.5 9.5h7v4h-7z" />
    </svg>
  );
}
