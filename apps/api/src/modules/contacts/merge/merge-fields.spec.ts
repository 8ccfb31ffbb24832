import type { ContactFieldValues } from './contact-merge-snapshot';
import { mergeFields, unmergeFields } from './merge-fields';

const card = (over: Partial<ContactFieldValues>): ContactFieldValues => ({
  name: null,
  email: null,
  phone: null,
  notes: null,
  attributes: {},
  ...over,
});

describe('mergeFields', () => {
  const survivor = card({
    name: 'Ana',
    email: 'ana@example.test',
    notes: 'VIP',
    attributes: { plan: 'gold', vip: true },
  });
  const other = card({
    name: 'Ana López',
    phone: '+442079460958',
    notes: 'Prefers chat',
    attributes: { plan: 'silver', seats: 4 },
  });

  it('keeps the survivor where both have a value, and fills what it lacks', () => {
    const { result, fields } = mergeFields(survivor, other);
    expect(result).toEqual({
      name: 'Ana',
      email: 'ana@example.test',
      phone: '+442079460958',
      notes: 'VIP',
      attributes: { plan: 'gold', vip: true, seats: 4 },
    });
    expect(fields.filter((f) => f.conflict).map((f) => f.field)).toEqual([
      'name',
      'notes',
      'attributes.plan',
    ]);
    expect(fields.find((f) => f.field === 'phone')).toMatchObject({
      winner: 'other',
      conflict: false,
    });
  });

  it('follows the picks per field and per attribute; notes may keep both', () => {
    const { result } = mergeFields(survivor, other, {
      name: 'other',
      notes: 'both',
      attributes: { plan: 'other' },
    });
    expect(result.name).toBe('Ana López');
    expect(result.notes).toBe('VIP\n\nPrefers chat');
    expect(result.attributes['plan']).toBe('silver');
  });

  it('never lets a pick replace a value with nothing', () => {
    const { result } = mergeFields(survivor, other, { email: 'other' });
    expect(result.email).toBe('ana@example.test');
  });
});

describe('unmergeFields', () => {
  const before = card({ name: 'Ana', email: 'ana@example.test', attributes: { plan: 'gold' } });
  const after = card({
    name: 'Ana López',
    email: 'ana@example.test',
    phone: '+442079460958',
    attributes: { plan: 'silver', seats: 4 },
  });

  it('puts back every value the merge changed', () => {
    expect(unmergeFields(after, before, after)).toEqual(before);
  });

  it('keeps what an operator edited after the merge', () => {
    const edited = { ...after, name: 'Ana L.', attributes: { plan: 'silver', seats: 5 } };
    expect(unmergeFields(edited, before, after)).toEqual({
      ...before,
      name: 'Ana L.',
      attributes: { plan: 'gold', seats: 5 },
    });
  });
});
