/**
 * Which pages of other origins may call a handler (its `cors` option).
 *
 * @example
 * ```ts
 * createHandler(chain, { cors: { origin: ['https://app.example.com'], allowHeaders: ['authorization'] } });
 * ```
 */
export interface CorsOptions {
  /**
   * The origins allowed, exactly as browsers send them (`https://app.example.com`,
   * scheme, host and a port other than the default, no path or trailing slash);
   * `'*'` for any origin; or a function deciding per origin.
   */
  readonly origin: string | readonly string[] | ((origin: string) => boolean);
  /** Request headers a page may send besides `Content-Type` (which is always allowed), e.g. `['authorization']`. @defaultValue [] */
  readonly allowHeaders?: readonly string[] | undefined;
  /**
   * Whether pages may send cookies and HTTP authentication (`credentials: 'include'`).
   * Only with explicit origins: with `'*'` it would let any site act as the
   * signed-in user, so `createHandler` throws. @defaultValue false
   */
  readonly credentials?: boolean | undefined;
  /** How long a browser may reuse a preflight's answer, in seconds. @defaultValue 600 */
  readonly maxAgeSeconds?: number | undefined;
}

/** {@link CorsOptions} checked, with defaults filled in. */
export interface CorsSettings {
  /** Whether `origin` may call; `any` when every origin may, which is answered with `*`. */
  readonly allows: (origin: string) => boolean;
  readonly any: boolean;
  readonly allowHeaders: string;
  readonly credentials: boolean;
  readonly maxAgeSeconds: number;
}

/**
 * Checks `options` (a malformed origin, or `'*'` with credentials, throws a
 * `TypeError`) and fills in the defaults; `protocolHeaders` are request
 * headers the handler's own protocol needs (`Last-Event-ID` of resumable streams).
 */
export function corsSettings(options: CorsOptions, protocolHeaders: readonly string[] = []): CorsSettings {
  const { origin } = options;
  const any = origin === '*';
  const credentials = options.credentials ?? false;
  if (any && credentials) throw new TypeError("createHandler: cors.credentials needs explicit origins, not '*': any site could act as the signed-in user.");
  let allows: (origin: string) => boolean;
  if (typeof origin === 'function') allows = origin;
  else if (any) allows = () => true;
  else {
    const listed = new Set(typeof origin === 'string' ? [origin] : origin);
    for (const entry of listed) checkOrigin(entry);
    allows = (candidate) => listed.has(candidate);
  }
  const allowHeaders = ['content-type', ...protocolHeaders, ...(options.allowHeaders ?? []).map((header) => header.toLowerCase())];
  return { allows, any, allowHeaders: [...new Set(allowHeaders)].join(', '), credentials, maxAgeSeconds: options.maxAgeSeconds ?? 600 };
}

function checkOrigin(origin: string): void {
  let parsed: string | undefined;
  try {
    parsed = new URL(origin).origin;
  } catch {
    parsed = undefined;
  }
  if (parsed !== origin) {
    throw new TypeError(`createHandler: cors.origin ${JSON.stringify(origin)} is not an origin as browsers send it${parsed === undefined || parsed === 'null' ? '' : `; did you mean ${JSON.stringify(parsed)}?`}`);
  }
}
