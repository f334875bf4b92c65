// The engine's second door: scenario@1 as JSON text, its errors placed at their lines and columns
// with jsonc-parser. Kept out of index.ts so a page that only shows lessons (whose files are
// checked with their lines by the CLI and the tests) never downloads it.
export { parseScenario } from './scenario/parse';
