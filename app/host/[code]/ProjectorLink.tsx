import { compactButtonClasses, type CompactVariant } from '../../_components/CompactButton';

/**
 * Opens the projector view in a new tab, to drag onto the projector's
 * screen. The link carries only the room code: no host key leaves the console.
 */
export function ProjectorLink({ code, variant = 'secondary' }: { code: string; variant?: CompactVariant }) {
  return (
    <a href={`/present/${code}`} target="_blank" rel="noopener" className={compactButtonClasses(variant, 'self-start')}>
      Open projector view
      <span aria-hidden="true">↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
