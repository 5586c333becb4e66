/** A request path of the Gemini API's model methods: `/{version}/models/{model}:{method}`. */
export interface ModelRoute {
  readonly version: string;
  readonly model: string;
  readonly method: string;
  /** The query string said `alt=sse`. */
  readonly sse: boolean;
}

const MODEL_PATH = /^\/([^/]+)\/models\/([^/:]+):([A-Za-z]+)$/;

/** The route of `path` (with its query string), or `undefined` for any other path. */
export function modelRoute(path: string): ModelRoute | undefined {
  const [pathname = '', query = ''] = path.split('?');
  const match = MODEL_PATH.exec(pathname);
  if (match === null) return undefined;
  const [, version = '', model = '', method = ''] = match;
  return { version, model: decodeURIComponent(model), method, sse: new URLSearchParams(query).get('alt') === 'sse' };
}
