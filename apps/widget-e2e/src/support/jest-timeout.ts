// testTimeout in a project config is ignored when jest runs from the root config (it is a global
// option), so the browser tests set their patience here, where every run picks it up.
jest.setTimeout(120_000);
