/** Reads a dotted path ("imap.host") out of a settings object; undefined where it stops. */
export function getPath(source: Record<string, unknown>, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Writes a dotted path, copying each object on the way so the source stays untouched; undefined
 * deletes the key.
 */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    const child =
      typeof next === 'object' && next !== null ? { ...(next as Record<string, unknown>) } : {};
    node[part] = child;
    node = child;
  }
  const last = parts[parts.length - 1] ?? path;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
