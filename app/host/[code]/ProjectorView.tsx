'use client';

import { useEffect, useRef } from 'react';
import { formatRoomCode } from '../../../lib/codes';
import { Button } from '../../_components/Button';
import { QrCode } from '../../_components/QrCode';

/**
 * The lobby screen for the projector: only the title, a huge code and QR, so
 * it reads from the back of the room and shows nothing private. Esc closes it.
 */
export function ProjectorView({ code, title, joinUrl, onClose }: { code: string; title: string; joinUrl: string; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [onClose]);

  return (
    <div role="dialog" aria-modal="true" aria-label="Join screen for the room" className="fixed inset-0 z-50 flex flex-col bg-paper p-8">
      <div className="flex justify-end">
        <Button ref={closeRef} variant="secondary" onClick={onClose}>
          Close full screen
        </Button>
      </div>
      <div className="flex flex-1 flex-col items-center justify-center gap-8 text-center lg:flex-row lg:gap-20">
        <div className="flex flex-col gap-4">
          <p className="text-3xl text-muted">{title}</p>
          <p className="text-3xl">Open <span className="font-semibold">{joinUrl.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '')}</span> and enter</p>
          <p className="font-mono text-[min(8.5vw,18vh)] leading-none font-bold tracking-[0.06em] whitespace-nowrap">{formatRoomCode(code)}</p>
          <p className="text-2xl text-muted">or scan the code with your phone camera</p>
        </div>
        <QrCode value={joinUrl} label="QR code for joining this workshop" className="w-[min(42vh,30vw)] shrink-0 shadow-sm" />
      </div>
    </div>
  );
}
