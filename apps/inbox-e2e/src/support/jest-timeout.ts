// testTimeout in a project config is ignored when jest runs from the root config (it is a global
// option there); browser scenarios start a database, the API and Chromium, so they need longer.
jest.setTimeout(120_000);
