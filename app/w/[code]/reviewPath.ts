/**
 * The review link as a path on this site. The server builds reviewUrl with
 * its public origin, which may differ from the address this phone used (a
 * laptop's IP on the room's Wi-Fi, say); following the path keeps the phone
 * on the origin it already reaches. Copies and QR codes keep the full link.
 */
export function reviewPath(reviewUrl: string): string {
  try {
    return new URL(reviewUrl).pathname;
  } catch {
    return reviewUrl;
  }
}
