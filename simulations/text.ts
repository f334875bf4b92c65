// The engine's second door: checking scenario@1, as JSON text (its errors placed at their lines
// and columns with jsonc-parser) or as a value already parsed. Kept out of index.ts so a page that
// only shows lessons (whose files are checked at build time, with their lines by the CLI and the
// tests) downloads it only once the learner changes one of a lesson's numbers.
export { parseScenario } from './scenario/parse';
export { parseScenarioValue } from './scenario/check-value';
