import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLesson, summarize } from '../../src/content/build-lesson';
import { parseStepsFile } from '../../src/content/steps-file';
import { folder, meta, read } from './restaurant-files';

const FILE = 'lessons/09-x/steps.md';
const QUESTION = ['## Question', '', 'When?', '', '- [ ] Soon', '- [x] Later', '', 'Because.'];

function parse(...lines: string[]) {
	return parseStepsFile(FILE, [...lines, '', ...QUESTION].join('\n'));
}

describe('parseStepsFile(…) ### subsections', () => {
	it('reads a multiple-choice prediction and a Measured on CPython disclosure after the narration', () => {
		const read = parse(
			'## a at 0 ms, line 2',
			'expect: loop select',
			'',
			'Five uploads arrive.',
			'',
			'### Predict: When does **r5** finish?',
			'- [ ] At 200 ms',
			'- [x] At `1,000` ms',
			'',
			'Each sleep holds the loop.',
			'',
			'### Measured on CPython',
			'CPython 3.11.7: r5 at 1,003 ms (F1).',
			'',
			'Second paragraph.'
		);
		expect(read.errors).toEqual([]);
		const [step] = read.steps;
		expect(step.text).toBe('Five uploads arrive.');
		expect(step.predict).toEqual({
			kind: 'choice',
			prompt: 'When does **r5** finish?',
			choices: ['At 200 ms', 'At `1,000` ms'],
			answer: 1,
			explain: 'Each sleep holds the loop.',
			html: {
				prompt: 'When does <strong>r5</strong> finish?',
				choices: ['At 200 ms', 'At <code>1,000</code> ms'],
				explain: '<p>Each sleep holds the loop.</p>'
			}
		});
		expect(step.measured).toEqual({
			text: 'CPython 3.11.7: r5 at 1,003 ms (F1).\n\nSecond paragraph.',
			html: '<p>CPython 3.11.7: r5 at 1,003 ms (F1).</p>\n<p>Second paragraph.</p>'
		});
	});

	it('reads a timeline prediction and a line prediction with several right lines', () => {
		const read = parse(
			'## a at 0 ms',
			'One.',
			'### Predict on the timeline: When does r5 finish?',
			'answer: 1000 ms ± 100 ms',
			'Five in a row.',
			'## a at 5 ms',
			'Two.',
			'### Predict the line: Which line blocks?',
			'answer: line 3, line 4',
			'The sleep.'
		);
		expect(read.errors).toEqual([]);
		expect(read.steps[0].predict).toMatchObject({
			kind: 'time',
			ms: 1000,
			tolerance: 100,
			explain: 'Five in a row.'
		});
		expect(read.steps[1].predict).toMatchObject({ kind: 'line', lines: [3, 4] });
	});

	it.each([
		[['### Predict: Q?', '- [ ] A', '- [ ] B', 'Why.'], ':4: step 1: prediction: mark exactly one'],
		[['### Predict: Q?', '- [x] A', '- [x] B', 'Why.'], ':4: step 1: prediction: mark exactly one'],
		[['### Predict: Q?', '- [x] A', 'Why.'], ':4: step 1: prediction: needs at least two'],
		[['### Predict on the timeline: Q?', 'Why.'], ':5: step 1: prediction: the line after'],
		[
			['### Predict on the timeline: Q?', 'answer: about 1000 ms', 'Why.'],
			':5: step 1: prediction: "answer: about 1000 ms" is not "answer: <ms> ms ± <tolerance> ms"'
		],
		[
			['### Predict the line: Q?', 'answer: line three', 'Why.'],
			':5: step 1: prediction: "answer: line three" is not'
		],
		[['### Predict the line: Q?', 'answer: line 2'], ':4: step 1: prediction: no explanation'],
		[['### Predict: ', '- [x] A', '- [ ] B', 'Why.'], ':4: step 1: "### Predict:" has no question'],
		[['### Predicts: Q?', 'Why.'], ':4: step 1: "### Predicts: Q?" is not a subsection'],
		[
			[
				'### Predict: Q?',
				'- [x] A',
				'- [ ] B',
				'Why.',
				'### Predict: R?',
				'- [x] A',
				'- [ ] B',
				'W.'
			],
			':8: step 1: a second prediction'
		],
		[['### Measured on CPython', ''], ':4: step 1: "### Measured on CPython" is empty']
	])('reports %j as …%s', (sub, message) => {
		const { errors } = parse('## a at 0 ms', '', 'Text.', ...sub);
		expect(errors).toEqual([expect.stringContaining(`${FILE}${message}`)]);
	});
});

describe('buildLesson(…) line predictions', () => {
	// The restaurant's own files, its first step given a line prediction.
	const code = readFileSync(`${folder}/kitchen.py`, 'utf8').replace(/\n$/, '').split('\n');

	async function withLine(n: number) {
		const text = readFileSync(`${folder}/steps.md`, 'utf8').replace(
			/^(## kitchen at 0 ms[^\n]*\n(?:.*\n)*?)(?=## )/m,
			`$1\n### Predict the line: Which line?\nanswer: line ${n}\nThat one.\n\n`
		);
		const steps = parseStepsFile('steps.md', text);
		return buildLesson(summarize('01-restaurant', meta)!, meta, '', steps, read);
	}

	it("accepts the handler's last line and reports one past it, naming the file and line", async () => {
		const ok = await withLine(code.length);
		expect('error' in ok ? ok.error : null).toBeNull();
		const bad = await withLine(code.length + 1);
		expect('error' in bad ? bad.error : '').toContain(
			`steps.md:1: step 1: prediction: line ${code.length + 1} is past the handler's code (${code.length} lines)`
		);
	});
});
