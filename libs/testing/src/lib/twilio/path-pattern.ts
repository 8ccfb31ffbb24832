/**
 * Whether a request matches a test's pattern. The pattern is matched against `METHOD /path`
 * and against `/path` alone; `*` stands for any run of characters within one path segment,
 * `**` for any run at all: `POST **Messages.json` counts message creations, `GET **Media/*` media
 * downloads.
 */
export function matchesRequest(pattern: string, method: string, pathname: string): boolean {
  return globMatch(pattern, `${method} ${pathname}`) || globMatch(pattern, pathname);
}

/** Dynamic programming over (pattern, text) positions: linear in each, no backtracking. */
export function globMatch(pattern: string, text: string): boolean {
  const tokens = tokenize(pattern);
  // reachable[j]: the tokens consumed so far can match text[0, j).
  let reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    if (token.kind === 'char') {
      for (let j = 0; j < text.length; j++) {
        if (reachable[j] && text[j] === token.char) next[j + 1] = true;
      }
    } else {
      // A star extends every reachable position forward over allowed characters.
      let open = false;
      for (let j = 0; j <= text.length; j++) {
        if (reachable[j]) open = true;
        next[j] = open;
        if (token.kind === 'segment' && text[j] === '/') open = false;
      }
    }
    reachable = next;
  }
  return reachable[text.length];
}

type GlobToken = { kind: 'char'; char: string } | { kind: 'segment' } | { kind: 'any' };

function tokenize(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '*') {
      tokens.push({ kind: 'char', char: pattern[i] });
    } else if (pattern[i + 1] === '*') {
      tokens.push({ kind: 'any' });
      i++;
    } else {
      tokens.push({ kind: 'segment' });
    }
  }
  return tokens;
}
