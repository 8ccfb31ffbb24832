import {
  composeSignature,
  fillSignature,
  signatureTemplateSchema,
  unknownSignaturePlaceholders,
} from './email-signature';

const values = {
  'operator.name': 'Alice Moreau',
  'operator.email': 'alice@acme.example',
  'inbox.name': 'Acme Support',
  'inbox.address': 'support@acme.example',
};

describe('email signatures', () => {
  it('fills every placeholder, spaces inside the braces allowed, and drops what nothing fills', () => {
    expect(
      fillSignature(
        '{{ operator.name }} <{{operator.email}}>\n{{inbox.name}} · {{order.id}}',
        values,
      ),
    ).toBe('Alice Moreau <alice@acme.example>\nAcme Support · ');
  });

  it("puts the operator's signature above the inbox's, or where the inbox's places it", () => {
    expect(
      composeSignature(
        { operator: '{{operator.name}}', inbox: '{{inbox.name}}\n{{inbox.address}}' },
        values,
      ),
    ).toBe('Alice Moreau\n\nAcme Support\nsupport@acme.example');
    expect(
      composeSignature(
        { operator: 'Alice, tier 2', inbox: 'Best,\n{{operator.signature}}\n-- {{inbox.name}}' },
        values,
      ),
    ).toBe('Best,\nAlice, tier 2\n-- Acme Support');
    expect(composeSignature({ operator: '', inbox: null }, values)).toBeNull();
    expect(
      composeSignature({ operator: '  ', inbox: '{{operator.signature}}' }, values),
    ).toBeNull();
  });

  it('refuses unknown placeholders on save, naming them and the ones allowed', () => {
    expect(unknownSignaturePlaceholders('{{operator.signature}} {{x}}', 'operator')).toEqual([
      'operator.signature',
      'x',
    ]);
    expect(unknownSignaturePlaceholders('{{operator.signature}}', 'inbox')).toEqual([]);
    const refused = signatureTemplateSchema('inbox').safeParse('Hi {{contact.name}}');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(
      /unknown placeholder \{\{contact\.name\}\}; a signature may use \{\{operator\.name\}\}/,
    );
    expect(signatureTemplateSchema('operator').safeParse('x'.repeat(2001)).success).toBe(false);
  });

  it('stays linear on hostile input', () => {
    const hostile = '{{'.repeat(200_000) + '{{ operator.name'.repeat(20_000);
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    fillSignature(hostile, values);
    unknownSignaturePlaceholders(hostile, 'inbox');
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(500);
  });
});
