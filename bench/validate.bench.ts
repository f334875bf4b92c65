// `npm run bench:validate`: how long the validator takes on a large valid scenario and on the
// scale and fuzz review's reproductions (issue 15), each with its target; the tests only check
// that the reports are bounded. Each figure: the median of three parseScenario runs on the text.
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../simulations/text';
import { median, report } from './report';
import { minimalScenario as base } from '../test/simulations/scenario/minimal-scenario';

const unknownKeys = (n: number) =>
	JSON.stringify(
		base(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
		null,
		1
	);
let deep = '1';
for (let i = 0; i < 10_000; i++) deep = `[${deep}]`;

const requests = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, at: i, handler: 'h' }));

const CASES: [string, () => string, number][] = [
	['a valid scenario of 10,000 requests', () => JSON.stringify(base({ requests }), null, 1), 150],
	['80,000 unknown keys', () => unknownKeys(80_000), 1000],
	['250,000 unknown keys', () => unknownKeys(250_000), 3000],
	[
		'a 2 MB handler name with 2,000 bad steps',
		() =>
			JSON.stringify(
				base({
					handlers: { ['n'.repeat(2_000_000)]: { steps: Array(2000).fill({ op: 'slep' }) } }
				})
			),
		500
	],
	[
		'5,000 bad steps',
		() => JSON.stringify(base({ handlers: { h: { steps: Array(5000).fill({ op: 'slep' }) } } })),
		200
	],
	[
		'arrays nested 10,000 deep',
		() => JSON.stringify(base()).replace('[{"op":"cpu","ms":1}]', deep),
		100
	]
];

for (const [name, make, target] of CASES) {
	const text = make();
	const times: number[] = [];
	let errors = 0;
	for (let i = 0; i < 3; i++) {
		const t0 = performance.now();
		const r = parseScenario(text);
		times.push(performance.now() - t0);
		errors = r.ok ? 0 : r.errors.length;
	}
	report(
		`validate ${name} (${(text.length / 1e6).toFixed(1)} MB)`,
		median(times),
		target,
		' ms',
		`${errors} errors reported`
	);
}
