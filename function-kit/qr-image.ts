/**
 * A QR code as a PNG data URL (`data:image/png;base64,…`), drawn with the npm `qrcode` package in the function
 * layer, so the core stays pure and the phone only shows an image (docs/decisions/0045-checkin-qr-server-side.md).
 * The text is encoded as is: a check-in code drawn here is exactly what `wx.scanCode` reads back and
 * `activity.checkin` accepts. The console's API may draw the same image with it.
 */
import QRCode from 'qrcode';

/** Medium error correction, 8 pixels a module, the standard 4-module quiet zone: reads well off a phone screen. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 8, type: 'image/png' } as const;

export function qrPngDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, QR_OPTIONS);
}

/** A check-in code reply with its QR image (`activity.checkin.code`). */
export async function withQrImage<R extends { readonly code: string }>(
  reply: R,
): Promise<R & { readonly qrImage: string }> {
  return { ...reply, qrImage: await qrPngDataUrl(reply.code) };
}
