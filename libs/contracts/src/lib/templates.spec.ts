import { renderTemplate, templateVariables } from './templates';

describe('message templates', () => {
  it('fills numbered variables and leaves unknown ones as written', () => {
    expect(
      renderTemplate('Hi {{1}}, order {{2}} ships {{ 3 }}.', { '1': 'Ana', '3': 'today' }),
    ).toBe('Hi Ana, order {{2}} ships today.');
    expect(renderTemplate('{{name}} and {{', { '1': 'x' })).toBe('{{name}} and {{');
  });

  it('lists variables in order of first appearance', () => {
    expect(templateVariables('{{2}} {{1}} {{2}} {{x}}')).toEqual(['2', '1']);
  });

  it('stays linear on hostile text', () => {
    const hostile = '{{'.repeat(50_000) + '}}'.repeat(50_000);
    const start = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    renderTemplate(hostile, { '1': 'a' });
    templateVariables(hostile);
    const cpu = process.cpuUsage(start);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1_000);
  });
});
