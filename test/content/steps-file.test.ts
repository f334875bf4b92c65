import { describe, expect, it } from 'vitest';
import { parseStepsFile } from '../../src/content/steps-file';

const FILE = 'lessons/09-x/steps.md';
const QUESTION = [
	'## Question',
	'',
	'When does r5 finish?',
	'',
	'- [ ] At 200 ms',
	'- [x] At **1000** ms',
	'',
	'Each waits for the one before.',
	'',
	'Five in a row.'
];

function parse(...lines: string[]) {
	return parseStepsFile(FILE, lines.join('\n'));
}

describe('parseStepsFile(file, text)', () => {
	it('reads each step heading, its narration and the question', () => {
		const read = parse(
			'# Steps (not read)',
			'',
			'## blocking at 0 ms',
			'',
			'Five uploads `arrive`.',
			'',
			'## blocking at 12.5 ms, line 2, after loop enqueue cb="r1 step" via=io',
			'First line of narration',
			'and its second line.',
			'',
			...QUESTION
		);
		expect(read).toEqual({
			file: FILE,
			steps: [
				{
					variant: 'blocking',
					t: 0,
					text: 'Five uploads `arrive`.',
					html: 'Five uploads <code>arrive</code>.'
				},
				{
					variant: 'blocking',
					t: 12.5,
					line: 2,
					event: {
						actor: 'loop',
						type: 'enqueue',
						detail: { cb: 'r1 step', via: 'io' },
						occurrence: 1
					},
					text: 'First line of narration\nand its second line.',
					html: 'First line of narration\nand its second line.'
				}
			],
			lines: [3, 7],
			question: {
				prompt: 'When does r5 finish?',
				choices: ['At 200 ms', 'At **1000** ms'],
				answer: 1,
				explain: 'Each waits for the one before.\n\nFive in a row.',
				html: {
					prompt: 'When does r5 finish?',
					choices: ['At 200 ms', 'At <strong>1000</strong> ms'],
					explain: '<p>Each waits for the one before.</p>\n<p>Five in a row.</p>'
				}
			},
			errors: []
		});
	});

	it.each([
		[['## blocking at 0ms', 'Text.'], ':1: step 1: "## blocking at 0ms" is not a step heading'],
		[
			['## a at 0 ms', 'Text.', '## b at 5 ms, line two', 'Text.'],
			':3: step 2: "line two" is neither'
		],
		[
			['## a at 0 ms, after loop selct', 'Text.'],
			':1: step 1: anchor "loop selct": unknown event type'
		],
		[['## a at 0 ms', '', '## b at 1 ms', 'Text.'], ':1: step 1: no narration'],
		[
			['## a at 0 ms', 'Text.', '## Question', 'Q?', '- [ ] one', '- [ ] two'],
			':3: question: mark exactly one'
		],
		[
			['## a at 0 ms', 'Text.', '## Question', 'Q?', '- [x] one'],
			':3: question: needs at least two'
		],
		[['## a at 0 ms', 'Text.'], `${FILE}: no ## Question section`]
	])('reports %j as %s', (lines, message) => {
		expect(parse(...lines).errors).toContainEqual(expect.stringContaining(message));
	});

	it('reads the expect: lines right under a step heading, apart from its narration', () => {
		const read = parse(
			'## a at 0 ms',
			'expect: loop select; gil free',
			'expect: ready empty',
			'',
			'The loop sleeps.',
			...QUESTION
		);
		expect(read.errors).toEqual([]);
		expect(read.steps[0].text).toBe('The loop sleeps.');
		expect(read.steps[0].expect).toEqual([
			{ text: 'loop select', line: 2, kind: 'loop', state: 'select' },
			{ text: 'gil free', line: 2, kind: 'gil', holder: null },
			{ text: 'ready empty', line: 3, kind: 'ready', count: 0 }
		]);
	});

	it.each([
		[
			['## a at 0 ms', 'expect: loop asleep', 'Text.'],
			':2: step 1: expect: "loop asleep": expected'
		],
		[
			['## a at 0 ms', 'Text.', 'expect: loop select'],
			':3: step 1: an "expect:" line after the narration'
		]
	])('reports %j as %s', (lines, message) => {
		expect(parse(...lines, ...QUESTION).errors).toEqual([expect.stringContaining(message)]);
	});

	it('names the file and line of every problem', () => {
		const { errors } = parse(
			'## a at 0 ms, line x',
			'Text.',
			'',
			'## b at 5',
			'Text.',
			...QUESTION
		);
		expect(errors.map((e) => e.split(': ')[0])).toEqual([`${FILE}:1`, `${FILE}:4`]);
	});
});
