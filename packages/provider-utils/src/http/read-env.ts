/** An environment variable, trimmed (for providers reading API keys and base URLs); `undefined` when unset, empty, or there is no `process` (browsers, edge). */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}
