/** A field's error, linked to its control by id (`aria-describedby`) and announced. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="form-error" role="alert" data-testid="rule-field-error">
      {message}
    </p>
  );
}
