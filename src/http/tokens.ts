// Secrets the web hands out (tracking links, staff sign-in links, session ids): 256 random bits, base64url, stored
// only as their SHA-256 (a stolen database holds no usable link), compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random secret: `bytes` random bytes as base64url (32 bytes: 43 characters, 256 bits). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the store keeps of a secret. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Whether a token has the shape newToken gives (anything else is not looked up at all). */
export function isTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Constant-time equality of two strings (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
