/** An approved message template of an inbox (WhatsApp templates in Twilio's Content API). */
export interface MessageTemplateDto {
  /** The provider's id (a Twilio Content SID). */
  id: string;
  name: string;
  language: string;
  /** The body with numbered variables: "Hi {{1}}, your order {{2}} has shipped." */
  body: string;
  /** The variable names in order of appearance ("1", "2"). */
  variables: string[];
  /** Only approved templates can be sent to WhatsApp customers. */
  approval: 'approved' | 'pending' | 'rejected' | 'unsubmitted';
}

/**
 * The template's body with its `{{n}}` variables filled: what the customer will read. One linear
 * pass (no regular expression on template text); a variable without a value stays as written.
 */
export function renderTemplate(body: string, variables: Record<string, string>): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{{', i);
    if (open < 0) break;
    const close = body.indexOf('}}', open + 2);
    if (close < 0) break;
    const name = body.slice(open + 2, close).trim();
    const value = isVariableName(name) ? variables[name] : undefined;
    out += body.slice(i, open) + (value ?? body.slice(open, close + 2));
    i = close + 2;
  }
  return out + body.slice(i);
}

/** The numbered variables a template body uses, in order of first appearance. */
export function templateVariables(body: string): string[] {
  const names: string[] = [];
  let i = 0;
  for (;;) {
    const open = body.indexOf('{{', i);
    if (open < 0) return names;
    const close = body.indexOf('}}', open + 2);
    if (close < 0) return names;
    const name = body.slice(open + 2, close).trim();
    if (isVariableName(name) && !names.includes(name)) names.push(name);
    i = close + 2;
  }
}

function isVariableName(name: string): boolean {
  if (name.length === 0 || name.length > 2) return false;
  for (const c of name) if (c < '0' || c > '9') return false;
  return true;
}
