'use client';

import { useEffect, useState } from 'react';

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
}: {
  value: string;
  label: string;
  className?: string;
  /** False keeps the placeholder and skips the encoding (e.g. while the code is folded away). */
  draw?: boolean;
}) {
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    if (!draw) return;
    let cancelled = false;
    // The encoder (~9 KB gzip) is fetched when a code is first drawn, not with the page: the placeholder
    // below holds its place meanwhile.
    import('qrcode')
      .then(({ default: QRCode }) =>
        QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1d1a17', light: '#ffffff' } }),
      )
      .then((svg) => {
        if (!cancelled) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (!cancelled) setSrc(null);
      });
    return () => {
      cancelled = true;
    };
  }, [value, draw]);

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
