'use client';

import { useEffect, useState } from 'react';
import { QR_SVG_OPTIONS, qrDataUrl } from '../_lib/qrLook';

/**
 * A QR code drawn in the browser from one of our own URLs (so the SVG is
 * safe to use as an image). Always dark on white: phone cameras read that
 * best, whatever the page's colour scheme.
 */
export function QrCode({
  value,
  label,
  className = '',
  draw = true,
  rendered = null,
}: {
  value: string;
  label: string;
  className?: string;
  /** False keeps the placeholder and skips the encoding (e.g. while the code is folded away). */
  draw?: boolean;
  /** The same code drawn by the server's render (a data URL for `value`): shown at once, and the encoder never loads. */
  rendered?: { value: string; src: string } | null;
}) {
  const drawn = rendered?.value === value ? rendered.src : null;
  const [src, setSrc] = useState<string | null>(draw ? drawn : null);

  useEffect(() => {
    if (!draw) return;
    if (drawn) return setSrc(drawn);
    let cancelled = false;
    // The encoder (~9 KB gzip) is fetched when a code is first drawn, not with the page: the placeholder
    // below holds its place meanwhile.
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toString(value, QR_SVG_OPTIONS))
      .then((svg) => {
        if (!cancelled) setSrc(qrDataUrl(svg));
      })
      .catch(() => {
        if (!cancelled) setSrc(null);
      });
    return () => {
      cancelled = true;
    };
  }, [value, draw, drawn]);

  return (
    <div className={`aspect-square rounded-xl bg-white p-2 ${className}`}>
      {src ? (
        // A plain <img>: a data URL needs no image optimisation.
        <img src={src} alt={label} className="size-full" />
      ) : (
        <div role="img" aria-label={label} className="size-full animate-pulse rounded-lg bg-line/50" />
      )}
    </div>
  );
}
