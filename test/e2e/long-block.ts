import { encodeScenarioLink } from '../../src/url/scenario-link';

/** One request that blocks its loop for a minute: a run that Stop has to end mid-call. */
export const LONG_BLOCK = {
	format: 'event-loop-lab/scenario@1',
	id: 'long-block',
	title: 'One minute of time.sleep',
	limitMs: 120000,
	handlers: { h: { steps: [{ op: 'block', ms: 60000 }] } },
	requests: [{ id: 'r1', at: 0, handler: 'h' }]
};

/** The playground address on `siteUrl` that opens `doc` (as its share link would). */
export function playgroundUrl(siteUrl: string, doc: object): string {
	return `${siteUrl}?page=playground#s=${encodeURIComponent(encodeScenarioLink(JSON.stringify(doc)))}`;
}
