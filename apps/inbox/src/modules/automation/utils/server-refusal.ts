import { ApiError } from '../../../shared/api/http-client';
import { errorPathOf, type FormErrors } from './build-rule-input';
import { errorText } from '../../../shared/api/error-text';

/** The server's reason for refusing a rule, as it says it (it names rules in a loop, keys ...). */
export function serverRefusalText(error: unknown): string {
  return errorText(error);
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

function isIssue(value: unknown): value is Issue {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Issue).path) &&
    typeof (value as Issue).message === 'string'
  );
}

/**
 * Field errors from a refusal whose details list issues by path (`[{path, message}]`, as the
 * API's validation answers), so each shows beside its control. Paths are of the rule body, or of
 * `{rule}` for the try endpoint.
 */
export function serverFieldErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: FormErrors = {};
  for (const issue of error.details.filter(isIssue)) {
    const path = issue.path[0] === 'rule' ? issue.path.slice(1) : issue.path;
    if (path.length === 0) continue;
    errors[errorPathOf(path)] ??= issue.message;
  }
  return errors;
}
