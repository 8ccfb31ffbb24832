import { config } from 'zod';

// Shared rules from @switchboard/contracts run in the SPA too. zod probes `new Function` for its
// fast path, which the SPA's Content-Security-Policy (no 'unsafe-eval') reports as a violation.
// Imported first in main.tsx, so it is set before any module can build or run a schema.
config({ jitless: true });
