import { registerMigration, renderMigration } from './migration-generator';

describe('migration generator', () => {
  const changes = {
    up: ['ALTER TABLE "tags" ADD "color" text'],
    down: ['ALTER TABLE "tags" DROP COLUMN "color"'],
  };

  it('renders a reviewable migration class named after the change and its timestamp', () => {
    const file = renderMigration('AddTagColor', 1800000000000, changes);
    expect(file.fileName).toBe('1800000000000-add-tag-color.ts');
    expect(file.className).toBe('AddTagColor1800000000000');
    expect(file.source).toContain(
      'export class AddTagColor1800000000000 implements MigrationInterface',
    );
    expect(file.source).toContain(`await q.query(${JSON.stringify(changes.up[0])});`);
    expect(file.source).toContain(`await q.query(${JSON.stringify(changes.down[0])});`);
  });

  it('refuses a name that would not make a class name', () => {
    expect(() => renderMigration('add tags; drop', 1, changes)).toThrow(/PascalCase/);
  });

  it('lists the new migration last in index.ts', () => {
    const index = `import { A1 } from './1-a';\nimport { B2 } from './2-b';\n\n/** doc */\nexport const MIGRATIONS = [\n  A1,\n  B2,\n];\n`;
    const out = registerMigration(index, '3-c.ts', 'C3');
    expect(out).toContain(`import { B2 } from './2-b';\nimport { C3 } from './3-c';\n`);
    expect(out).toMatch(/ {2}B2,\n {2}C3,\n\];\n$/);
  });
});
