import QRCode from 'qrcode';
import { QR_SVG_OPTIONS, qrDataUrl } from './qrLook';

/** A QR code drawn while the page renders on the server, so the big screen shows it before its scripts run; null if it could not be drawn (the browser draws it then). */
export async function qrOnServer(value: string): Promise<{ value: string; src: string } | null> {
  try {
    return { value, src: qrDataUrl(await QRCode.toString(value, QR_SVG_OPTIONS)) };
  } catch {
    return null;
  }
}
