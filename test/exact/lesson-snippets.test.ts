// Every lesson snippet marked ```python run lab gets a "Run this Python" link to the playground's
// Python tab (src/content/lesson-html.ts); this runs each one there, on the lab's CPython, as
// the link would. (test/lessons/snippets.test.ts runs the same snippets on the machine's python3.)
import { readFileSync } from 'node:fs';
import type { PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { listLessonFiles } from '../../cli/lesson-files';
import { labSnippets, lessonHtml } from '../../src/content/lesson-html';
import { runExactPython } from '../../src/exact/index';
import { decodeScenarioLink } from '../../src/url/scenario-link';
import { startCPython } from './cpython';

let py: PyodideInterface;
beforeAll(async () => {
	py = await startCPython();
});

const snippets = listLessonFiles('lessons').flatMap((l) =>
	labSnippets(readFileSync(`lessons/${l.folder}/lesson.md`, 'utf8')).map((code, i) => ({
		where: `${l.folder}/lesson.md, lab snippet ${i + 1}`,
		code
	}))
);

describe('lesson snippets marked "python run lab"', () => {
	it('exist, in the lessons that teach with a runnable demo', () => {
		expect(snippets.length).toBeGreaterThanOrEqual(2);
	});

	for (const { where, code } of snippets)
		it(`${where} runs on the lab's CPython with no error and prints what it measured`, async () => {
			const { errors, output } = await runExactPython(py, `${code}\n`);
			expect(errors.map((e) => e.text)).toEqual([]);
			const stdout = output.filter((o) => o.stream === 'stdout').map((o) => o.text);
			expect(stdout.join('').trim().length).toBeGreaterThan(0);
			expect(output.filter((o) => o.text.includes('RuntimeWarning'))).toEqual([]);
		});

	it('each gets a "Run this Python" link that carries its code to the Python tab', () => {
		const html = lessonHtml(
			'```python run lab\nprint(1)\n```\n\n```python run\nprint(2)\n```',
			false
		);
		const links = [
			...html.matchAll(/<a href="\?page=playground&tab=python&py=([^"]+)">Run this Python<\/a>/g)
		];
		expect(links).toHaveLength(1);
		expect(decodeScenarioLink(decodeURIComponent(links[0][1]))).toEqual({
			ok: true,
			text: 'print(1)\n'
		});
	});
});
