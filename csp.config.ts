/**
 * The studio's Content-Security-Policy: scripts only from the studio's own origin (no inline
 * script, no eval), no plugins, no <base> rewriting, no form posts. What the app needs besides:
 * - style-src 'unsafe-inline': React Flow and the canvas set inline style attributes, and the
 *   diagram export clones them into the image;
 * - img-src data: blob:: the diagram export draws an SVG data URL, images download as blobs;
 * - worker-src 'self': the what-if sweep and the link router run in module workers built beside
 *   the app;
 * - script-src 'wasm-unsafe-eval': the link router (libavoid) is WebAssembly, which a policy
 *   must allow to compile; it allows no JavaScript eval;
 * - connect-src data: blob:: the PNG export reads the SVG it rasterises from a data URL;
 *   live rooms use a WebSocket to /rooms on the same host ('self'), or to the room server the
 *   studio is built for (VITE_ROOM_SERVER).
 * A meta tag cannot set frame-ancestors, so the preview server sends the policy as a header too,
 * with frame-ancestors 'none' (no framing, no clickjacking). The dev server has none: Vite's
 * hot reload injects inline scripts. e2e runs against the built app, under this policy.
 */
function roomServerOrigin(): string {
  const configured = process.env['VITE_ROOM_SERVER'];
  if (!configured) return '';
  try {
    return ` ${new URL(configured).origin.replace(/^http/, 'ws')}`;
  } catch {
    return '';
  }
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' data: blob:${roomServerOrigin()}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The header form, with what only a header can say. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
