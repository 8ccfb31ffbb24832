import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

/** `lastActivityAt` → `last_activity_at`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * snake_case columns, and constraint names exactly as PostgreSQL itself names them
 * (`messages_pkey`, `messages_conversation_id_fkey`, `files_storage_key_key`), so the entities
 * describe the schema the hand-written migrations created without renaming anything.
 */
export class PostgresNamingStrategy
  extends DefaultNamingStrategy
  implements NamingStrategyInterface
{
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]) {
    return customName ?? snakeCase([...prefixes, propertyName].join('_'));
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return `${this.bareTable(tableOrName)}_pkey`;
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return `${this.bareTable(tableOrName)}_${columnNames.join('_')}_key`;
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `${this.bareTable(tableOrName)}_${columnNames.join('_')}_fkey`;
  }

  override indexName(tableOrName: Table | string, columnNames: string[]): string {
    return `${this.bareTable(tableOrName)}_${columnNames.join('_')}_idx`;
  }

  private bareTable(tableOrName: Table | string): string {
    const name = this.getTableName(tableOrName);
    return name.slice(name.lastIndexOf('.') + 1);
  }
}
