/** How every QR code is drawn, in the browser (QrCode) and by a page's server render (qrOnServer): dark on white, which cameras read best. */
export const QR_SVG_OPTIONS = { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1d1a17', light: '#ffffff' } } as const;

export const qrDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
