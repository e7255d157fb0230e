'use client';

import { useState } from 'react';
import { CompactButton } from '../../../_components/CompactButton';
import { messageOf } from '../../../_lib/api';
import { downloadSummaryCsv } from '../hostApi';

/**
 * Keeping the record: the figures as a spreadsheet, or the page on paper.
 * Neither button is printed.
 */
export function SummaryActions({ code, hostKey }: { code: string; hostKey: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'problem'; text: string } | null>(null);

  async function download() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const filename = await downloadSummaryCsv(code, hostKey);
      setMessage({ tone: 'ok', text: `Saved as ${filename}.` });
    } catch (err) {
      setMessage({ tone: 'problem', text: messageOf(err) });
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col items-start gap-2 print:hidden sm:items-end">
      <div role="group" aria-label="Keep this summary" className="flex flex-wrap gap-2">
        {/* aria-disabled while fetching keeps focus on the button (a disabled one would drop it). */}
        <CompactButton aria-disabled={busy || undefined} aria-busy={busy || undefined} onClick={() => void download()}>
          <DownloadIcon />
          {busy ? 'Preparing CSV…' : 'Download CSV'}
        </CompactButton>
        <CompactButton onClick={() => window.print()}>
          <PrintIcon />
          Print
        </CompactButton>
      </div>
      <p aria-live="polite" className={`min-h-6 text-sm ${message?.tone === 'problem' ? 'text-warn' : 'text-muted'}`}>
        {message?.text}
      </p>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M8 2.5V10M5 7l3 3 3-3" />
      <path d="M3 13.5h10" />
    </svg>
  );
}

function PrintIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
      <path d="M4.5 6V2.5h7V6" />
      <rect x="2.5" y="6" width="11" height="5" rx="1" />
      <path d="M4.5 9.5h7v4h-7z" />
    </svg>
  );
}
