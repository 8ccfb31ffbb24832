import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { Webchat1795300000000 } from './1795300000000-webchat';
import { EmailSync1795400000000 } from './1795400000000-email-sync';
import { IngestFunction1795500000000 } from './1795500000000-ingest-function';
import { AuditLog1796300000000 } from './1796300000000-audit-log';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the bundled API carries them.
 * Add one line per new migration file.
 */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  Webchat1795300000000,
  EmailSync1795400000000,
  IngestFunction1795500000000,
  AuditLog1796300000000,
];
