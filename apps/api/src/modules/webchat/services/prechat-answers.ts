import type { PreChatField } from '@switchboard/channels-webchat';
import { z } from 'zod';
import { AppException } from '../../../core/http/app.exception';

/** What a visitor's pre-chat answers change on their contact. */
export interface PreChatContactFill {
  name: string | null;
  email: string | null;
  /** Text answers by contact attribute key. */
  attributes: Record<string, string>;
}

const LIMITS = { name: 255, email: 254, text: 500 } as const;
const emailSchema = z.string().email();

/**
 * Checks answers against the inbox's own fields: unknown keys, a missing required answer, an
 * address that is not one and over-long values are refused with a message naming the field.
 * `mustAnswer` is false once the visitor has a conversation (the form is asked once). The web
 * chat widget and the customer portal's New request form both answer through here.
 */
export function checkPreChatAnswers(
  fields: readonly PreChatField[],
  answers: Record<string, string> | null | undefined,
  mustAnswer: boolean,
): PreChatContactFill | null {
  if (!answers && !mustAnswer) return null;
  const given = answers ?? {};
  for (const key of Object.keys(given))
    if (!fields.some((f) => f.key === key))
      throw invalid(`"${key.slice(0, 40)}" is not a pre-chat field of this inbox`, null);
  const fill: PreChatContactFill = { name: null, email: null, attributes: {} };
  for (const field of fields) {
    const value = (given[field.key] ?? '').trim();
    if (!value) {
      if (field.required && mustAnswer) throw invalid(`${field.label} is required`, field, true);
      continue;
    }
    if (value.length > LIMITS[field.type])
      throw invalid(`${field.label} is at most ${LIMITS[field.type]} characters`, field);
    if (field.type === 'email') {
      if (!emailSchema.safeParse(value).success)
        throw invalid(`${field.label}: enter a valid email address`, field);
      fill.email = value.toLowerCase();
    } else if (field.type === 'name') fill.name = value;
    else fill.attributes[field.key] = value;
  }
  return fill;
}

/** What a refusal names, so a form (the portal's) can say it in the customer's language. */
export interface PreChatProblem {
  field: string | null;
  label: string | null;
  missing: boolean;
}

function invalid(message: string, field: PreChatField | null, missing = false): AppException {
  const problem: PreChatProblem = {
    field: field?.key ?? null,
    label: field?.label ?? null,
    missing,
  };
  return new AppException('VALIDATION_FAILED', message, problem);
}
