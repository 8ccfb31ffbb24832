import { parseContentVariables, placeholderNames, renderTemplate } from './content-template';

describe('content templates', () => {
  it('finds and fills placeholders, keeping the unknown and the malformed', () => {
    const body = 'Hi {{1}}, order {{2}} ({{1}}) {{}} {{3';
    expect(placeholderNames(body)).toEqual(['1', '2']);
    expect(renderTemplate(body, { '1': 'Anna', '2': '#7' })).toBe(
      'Hi Anna, order #7 (Anna) {{}} {{3',
    );
    expect(renderTemplate('{{1}} and {{2}}', { '1': 'x' })).toBe('x and {{2}}');
  });

  it('accepts ContentVariables as a JSON object of non-empty strings or numbers', () => {
    expect(parseContentVariables('{"1":"Anna","2":42}')).toEqual({ '1': 'Anna', '2': '42' });
    for (const bad of ['not json', '[]', 'null', '{"1":""}', '{"1":null}', '{"1":{"a":1}}']) {
      expect(parseContentVariables(bad)).toBeNull();
    }
  });

  it('scans long bodies in linear time', () => {
    const body = '{{'.repeat(50_000) + '}}'.repeat(10);
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    renderTemplate(body, {});
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(500);
  });
});
