import { findPlaceholders, firstNameOf, renderPlaceholders } from './canned-placeholders';

describe('renderPlaceholders', () => {
  const values = {
    'contact.name': 'Ana María López',
    'contact.first_name': 'Ana',
    'operator.name': 'Bob',
    'conversation.number': '1042',
  };

  it('fills every known placeholder, spaces inside the braces allowed', () => {
    expect(
      renderPlaceholders(
        'Hi {{contact.first_name}}, {{ operator.name }} here about #{{conversation.number}} ({{contact.name}}).',
        values,
      ),
    ).toEqual({ text: 'Hi Ana, Bob here about #1042 (Ana María López).', unknown: [] });
  });

  it('keeps and reports unknown placeholders and missing values, each once', () => {
    expect(
      renderPlaceholders('{{order.id}} {{contact.name}} {{order.id}} {{constructor}}', {
        'contact.name': null,
      }),
    ).toEqual({
      text: '{{order.id}} {{contact.name}} {{order.id}} {{constructor}}',
      unknown: ['order.id', 'contact.name', 'constructor'],
    });
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(renderPlaceholders('a {{ b {{operator.name}} }} c {{', values)).toEqual({
      text: 'a {{ b Bob }} c {{',
      unknown: [],
    });
    expect(renderPlaceholders(`{{${'x'.repeat(100)}}}`, values).unknown).toEqual([]);
  });

  it('finds placeholder syntax still in edited text', () => {
    expect(findPlaceholders('Hello {{contact.name}}, done')).toEqual(['contact.name']);
    expect(findPlaceholders('Hello Ana')).toEqual([]);
  });

  it.each([
    ['open braces', '{{'.repeat(200_000)],
    ['unclosed names', '{{a'.repeat(150_000)],
    ['distinct placeholders', Array.from({ length: 60_000 }, (_, i) => `{{p${i}}}`).join('')],
    ['braces and closers', '{{}}{'.repeat(100_000)],
    ['near-limit names', `{{${'a'.repeat(63)}`.repeat(8_000)],
  ])('stays linear on adversarial input: %s', (_label, body) => {
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    renderPlaceholders(body, values);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(500);
  });
});

describe('firstNameOf', () => {
  it('takes the first word', () => {
    expect(firstNameOf('  Ana María ')).toBe('Ana');
    expect(firstNameOf('Bob')).toBe('Bob');
    expect(firstNameOf('   ')).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });
});
