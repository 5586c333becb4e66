/** Serves one route of a handler, once the method and path matched. */
export type Route = (request: Request) => Promise<Response>;
