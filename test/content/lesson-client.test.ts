import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLesson, summarize } from '../../src/content/build-lesson';
import { readClient } from '../../src/content/lesson-client';
import { parseStepsFile } from '../../src/content/steps-file';
import type { Lesson } from '../../src/content/types';
import { folder, meta, read } from './restaurant-files';

// The restaurant's own files, with lesson.json's client varied.
const steps = parseStepsFile('steps.md', readFileSync(`${folder}/steps.md`, 'utf8'));
const lesson = (await buildLesson(
	summarize('01-restaurant', meta)!,
	meta,
	'',
	steps,
	read
)) as Lesson;

describe('readClient(value, variants)', () => {
	it('reads the handler and the variants, a label defaulting to the variant’s', () => {
		const { client, problems } = readClient(
			{
				handler: 'serve_table',
				variants: [{ name: 'stove', label: 'Cooks' }, { name: 'kitchen' }]
			},
			lesson.variants
		);
		expect(problems).toEqual([]);
		expect(client).toEqual({
			handler: 'serve_table',
			variants: [
				{ name: 'stove', label: 'Cooks' },
				{ name: 'kitchen', label: 'Orders go to the kitchen (await)' }
			]
		});
	});

	it('absent: no client and no problem', () => {
		expect(readClient(undefined, lesson.variants)).toEqual({ client: null, problems: [] });
	});

	it.each([
		[[], 'lesson.json: client: expected an object'],
		[
			{ variants: [{ name: 'stove' }] },
			'lesson.json: client.handler: expected the name of a handler'
		],
		[{ handler: 'serve_table', variants: [] }, 'lesson.json: client.variants: expected a list'],
		[
			{ handler: 'serve_table', variants: [{ name: 'oven' }] },
			'client.variants[0].name: unknown variant "oven"'
		],
		[
			{ handler: 'order', variants: [{ name: 'stove' }] },
			'client.variants[0]: variant "stove" has no handler "order"'
		],
		[
			{ handler: 'serve_table', variants: ['stove'] },
			'client.variants[0]: expected { "name": a variant'
		],
		[
			{ handler: 'serve_table', variants: [{ name: 'stove', lable: 'x' }] },
			'client.variants[0]: unknown field "lable"'
		],
		[
			{ handler: 'serve_table', variants: [{ name: 'stove', label: 3 }] },
			'client.variants[0].label: expected text'
		],
		[
			{ handler: 'serve_table', variants: [{ name: 'stove' }], keys: 'r' },
			'lesson.json: client: unknown field "keys"'
		]
	])('reports %j: %s', (value, message) => {
		const { client, problems } = readClient(value, lesson.variants);
		expect(client).toBeNull();
		expect(problems.join(' · ')).toContain(message);
	});

	it('a mistake fails the lesson with its field', async () => {
		const m: Record<string, unknown> = {
			...meta,
			client: { handler: 'serve_table', variants: [{ name: 'oven' }] }
		};
		const built = await buildLesson(summarize('01-restaurant', m)!, m, '', steps, read);
		expect('error' in built ? built.error : '').toMatch(
			/client\.variants\[0\]\.name: unknown variant "oven"/
		);
	});
});
