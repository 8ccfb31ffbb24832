import type { TeamMemberDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { matchOperators } from './match-operators';

const member = (name: string, email: string, active = true): TeamMemberDto => ({
  id: email,
  name,
  email,
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
  avatarUrl: null,
  presence: 'online',
  active,
});

const people = [
  member('Zoë Ward', 'zoe@example.test'),
  member('Anna Berg', 'anna@example.test'),
  member('Hannah Lee', 'hl@example.test'),
  member('Annabel Gone', 'gone@example.test', false),
];
const names = (query: string) => matchOperators(people, query).map((m) => m.name);

describe('matchOperators', () => {
  it('lists every active operator by name when nothing is typed', () => {
    expect(names('')).toEqual(['Anna Berg', 'Hannah Lee', 'Zoë Ward']);
  });

  it('ranks a name that starts with the query before one that only contains it', () => {
    expect(names('ann')).toEqual(['Anna Berg', 'Hannah Lee']);
  });

  it('ignores case and accents, matches later words and emails, never the deactivated', () => {
    expect(names('ZOE')).toEqual(['Zoë Ward']);
    expect(names('lee')).toEqual(['Hannah Lee']);
    expect(names('hl@')).toEqual(['Hannah Lee']);
    expect(names('gone')).toEqual([]);
  });
});
