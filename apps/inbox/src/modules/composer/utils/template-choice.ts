import { renderTemplate, templateVariables, type MessageTemplateDto } from '@switchboard/contracts';

const APPROVAL_ORDER: Record<MessageTemplateDto['approval'], number> = {
  approved: 0,
  pending: 1,
  unsubmitted: 2,
  rejected: 3,
};

/** Only approved templates reach WhatsApp customers; the others are shown, but cannot be chosen. */
export function isSendable(template: MessageTemplateDto): boolean {
  return template.approval === 'approved';
}

/** Approved first, then by name: what can be sent is what the operator sees first. */
export function orderTemplates(templates: readonly MessageTemplateDto[]): MessageTemplateDto[] {
  return templates
    .slice()
    .sort(
      (a, b) =>
        APPROVAL_ORDER[a.approval] - APPROVAL_ORDER[b.approval] ||
        a.name.localeCompare(b.name) ||
        a.language.localeCompare(b.language),
    );
}

/** The variables to fill, in order of appearance: the body's, then any the provider lists besides. */
export function variablesOf(template: MessageTemplateDto): string[] {
  const names = templateVariables(template.body);
  for (const name of template.variables) if (!names.includes(name)) names.push(name);
  return names;
}

/** The values as they will be sent: trimmed, only the template's own variables. */
export function filledVariables(
  template: MessageTemplateDto,
  values: Record<string, string>,
): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const name of variablesOf(template)) {
    const value = (values[name] ?? '').trim();
    if (value.length > 0) filled[name] = value;
  }
  return filled;
}

/** Variables still empty; the template cannot be sent until there are none. */
export function missingVariables(
  template: MessageTemplateDto,
  values: Record<string, string>,
): string[] {
  const filled = filledVariables(template, values);
  return variablesOf(template).filter((name) => !(name in filled));
}

/** What the customer will read; an empty variable shows as written (`{{1}}`). */
export function templatePreview(
  template: MessageTemplateDto,
  values: Record<string, string>,
): string {
  return renderTemplate(template.body, filledVariables(template, values));
}
