/**
 * The SHA-256 digest of `text` (UTF-8) in hex, by Web Crypto, which Node and
 * browsers both have, so the models package needs no Node-only module.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
