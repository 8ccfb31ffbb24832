import { parseAttributeFilter } from '@switchboard/contracts';

/**
 * The feed's `attr=key:value` filters as WHERE clauses over `c` (conversations): the contact
 * holds that value. Values are stored typed (a number as a JSON number, yes/no as a boolean), and
 * the filter does not know the attribute's type, so each clause asks for any typed reading of the
 * text: `"42"` or `42`, `"true"` or `true`. Each reading is a jsonb containment the GIN index
 * `contacts_attributes_idx` answers. Unusable filters (no key) ask for nothing.
 */
export function attributeFeedClauses(attr: readonly string[] | undefined): {
  clauses: string[];
  params: Record<string, unknown>;
} {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  (attr ?? []).forEach((text, n) => {
    const filter = parseAttributeFilter(text);
    if (!filter) return;
    const readings = typedReadings(filter.value).map((value, r) => {
      const name = `attr${n}_${r}`;
      params[name] = JSON.stringify({ [filter.key]: value });
      return `attr_ct.attributes @> :${name}::jsonb`;
    });
    clauses.push(
      `c.contact_id IN (SELECT attr_ct.id FROM contacts attr_ct WHERE attr_ct.account_id = c.account_id AND (${readings.join(' OR ')}))`,
    );
  });
  return { clauses, params };
}

function typedReadings(value: string): (string | number | boolean)[] {
  const readings: (string | number | boolean)[] = [value];
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'yes') readings.push(true);
  if (lower === 'false' || lower === 'no') readings.push(false);
  const n = Number(value);
  if (value.trim() !== '' && Number.isFinite(n) && value.length <= 30) readings.push(n);
  return readings;
}
