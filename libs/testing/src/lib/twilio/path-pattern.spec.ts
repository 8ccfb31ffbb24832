import { globMatch, matchesRequest } from './path-pattern';

describe('path patterns', () => {
  it.each([
    ['/2010-04-01/Accounts/*/Messages.json', '/2010-04-01/Accounts/AC1/Messages.json', true],
    ['/2010-04-01/Accounts/*/Messages.json', '/2010-04-01/Accounts/AC1/x/Messages.json', false],
    ['**Messages.json', '/2010-04-01/Accounts/AC1/Messages.json', true],
    ['**Media/*', '/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', true],
    ['/v1/Content', '/v1/ContentAndApprovals', false],
    ['*', '', true],
    ['a*b*c', 'a' + 'b'.repeat(5000), false],
  ])('%s against %s → %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('matches with or without the method', () => {
    expect(
      matchesRequest('POST **Messages.json', 'POST', '/2010-04-01/Accounts/A/Messages.json'),
    ).toBe(true);
    expect(
      matchesRequest('POST **Messages.json', 'GET', '/2010-04-01/Accounts/A/Messages.json'),
    ).toBe(false);
    expect(matchesRequest('**Messages.json', 'GET', '/2010-04-01/Accounts/A/Messages.json')).toBe(
      true,
    );
  });
});
