import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLesson, summarize } from '../../src/content/build-lesson';
import { parseStepsFile } from '../../src/content/steps-file';
import { folder, meta, read } from './restaurant-files';

// The restaurant's own files, with lesson.json's pairs and compare varied.
const steps = parseStepsFile('steps.md', readFileSync(`${folder}/steps.md`, 'utf8'));

function build(changes: Record<string, unknown>) {
	const m = { ...meta, ...changes };
	return buildLesson(summarize('01-restaurant', m)!, m, '', steps, read);
}

describe('buildLesson(…) pairs', () => {
	it('keeps the bug → fix pairs in order, and compares the first pair by default', async () => {
		const lesson = await build({ pairs: [['stove', 'kitchen']], compare: undefined });
		expect('error' in lesson ? lesson.error : lesson.pairs).toEqual([['stove', 'kitchen']]);
		expect('error' in lesson ? null : lesson.compare).toEqual(['stove', 'kitchen']);
	});

	it('reports a pair naming a variant the lesson does not have', async () => {
		const lesson = await build({ pairs: [['stove', 'oven']] });
		expect('error' in lesson ? lesson.error : '').toMatch(/pairs: unknown variant "oven"/);
	});

	it('reads a lesson without pairs as having none', async () => {
		const lesson = await build({ pairs: undefined });
		expect('error' in lesson ? lesson.error : lesson.pairs).toEqual([]);
	});
});
