// Live mode's part of the stage (the learner as the client), loaded when the page is idle where
// the lesson offers it, never in its first JS: the session that re-simulates each press, and the
// readout of its answers. A press before then waits for it.
export { default as LiveRequests } from './LiveRequests.svelte';
export { LiveSession } from '../../state/live-session.svelte';
