import type { MessageTemplateDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import {
  filledVariables,
  isSendable,
  missingVariables,
  orderTemplates,
  templatePreview,
  variablesOf,
} from './template-choice';

const template = (patch: Partial<MessageTemplateDto>): MessageTemplateDto => ({
  id: 'HX00000000000000000000000000000001',
  name: 'order_update',
  language: 'en',
  body: 'Hi {{1}}, your order {{2}} has shipped.',
  variables: ['1', '2'],
  approval: 'approved',
  ...patch,
});

describe('template choice', () => {
  it('lists approved templates first, then the others by name', () => {
    const list = orderTemplates([
      template({ id: 'a', name: 'zeta', approval: 'pending' }),
      template({ id: 'b', name: 'beta', approval: 'rejected' }),
      template({ id: 'c', name: 'omega', approval: 'approved' }),
      template({ id: 'd', name: 'alpha', approval: 'approved' }),
    ]);
    expect(list.map((t) => t.id)).toEqual(['d', 'c', 'a', 'b']);
    expect(list.map(isSendable)).toEqual([true, true, false, false]);
  });

  it('previews live, leaving an empty variable as written', () => {
    const t = template({});
    expect(templatePreview(t, { '1': ' Ana ' })).toBe('Hi Ana, your order {{2}} has shipped.');
    expect(templatePreview(t, { '1': 'Ana', '2': '#42' })).toBe(
      'Hi Ana, your order #42 has shipped.',
    );
  });

  it('is sendable only when every variable has a value (blanks do not count)', () => {
    const t = template({});
    expect(missingVariables(t, {})).toEqual(['1', '2']);
    expect(missingVariables(t, { '1': 'Ana', '2': '   ' })).toEqual(['2']);
    expect(missingVariables(t, { '1': 'Ana', '2': '#42' })).toEqual([]);
  });

  it('sends trimmed values of the template’s own variables only', () => {
    expect(filledVariables(template({}), { '1': ' Ana ', '2': '#42', '9': 'stray' })).toEqual({
      '1': 'Ana',
      '2': '#42',
    });
  });

  it('takes the variables from the body, in order, plus any the provider lists besides', () => {
    expect(variablesOf(template({ body: '{{2}} then {{1}} and {{2}}', variables: [] }))).toEqual([
      '2',
      '1',
    ]);
    expect(variablesOf(template({ body: 'No variables', variables: ['1'] }))).toEqual(['1']);
    expect(variablesOf(template({ body: 'Thanks for writing!', variables: [] }))).toEqual([]);
  });
});
