// Loaded by numbers-code.svelte.ts the first time the learner changes a lesson's number.
export { parseScenarioValue } from '../../simulations/text';
export { staleNarration, staleText } from './stale-narration';
