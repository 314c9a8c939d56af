/**
 * The transactionId an event is created with, derived from what the event is for, so that every
 * attempt to create the same conversation's event (a retry, a resend after a lost answer, sending
 * the whole timetable again tomorrow) carries the same id and Exchange keeps one event. A new
 * booking after a cancellation derives a new id from the cancelled one.
 *
 * Shaped as a GUID (what Microsoft's examples use); the input is only ids and the reference code,
 * and it is hashed (SHA-256 through Web Crypto, in browsers and Node alike), so nothing about the
 * case can be read from it.
 */
export async function eventTransactionId(parts: {
  referenceCode: string;
  /** "conversation" or "meeting". */
  kind: string;
  id: string;
  /** The transactionId of a booking that was cancelled, when booking again. */
  previous?: string;
}): Promise<string> {
  const text = ['crw-event', parts.referenceCode, parts.kind, parts.id, parts.previous ?? ''].join('\u001f');
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  );
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  // A version-8 (custom) UUID layout: 8-4-4-4-12 hex digits.
  const v = `8${hex.slice(13, 16)}`;
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${v}-${variant}-${hex.slice(20, 32)}`;
}
