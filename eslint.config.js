import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

// Each folder's execution context is enforced here: the engine is pure (no clock, no
// randomness, no DOM), lessons are content, and the app reaches the engine only through its index.
const impureGlobals = [
	'Date',
	'setTimeout',
	'setInterval',
	'setImmediate',
	'clearTimeout',
	'clearInterval',
	'performance',
	'queueMicrotask',
	'window',
	'document',
	'navigator'
].map((name) => ({ name, message: 'simulations/ is pure: inject time and randomness instead.' }));

export default ts.config(
	{ ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-results/', '.tmp/', 'public/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser } }
	},
	{
		files: ['simulations/**/*.ts'],
		languageOptions: { globals: {} },
		rules: {
			'no-restricted-globals': ['error', ...impureGlobals],
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Use the seeded RNG (simulations/rng.ts).' },
				{ object: 'Date', property: 'now', message: 'Use the virtual clock.' }
			],
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(?!xstate$|jsonc-parser$|\\.{1,2}/)',
							message: 'simulations/ may import only xstate, jsonc-parser and its own files.'
						},
						{
							regex: '(^|/)(src|test|lessons|cli|bench|node_modules)(/|$)',
							message: 'simulations/ may not import outside itself.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: 'simulations/(?!(index|text|sweep/index)$).+',
							message:
								'Import the engine only through simulations/index (or simulations/text, its JSON text parser, or simulations/sweep/index).'
						},
						{
							regex: '(^|/)lessons/.*\\.ts$',
							message: 'Lessons are content: load them, do not import code.'
						}
					]
				}
			]
		}
	},
	{
		files: ['lessons/**/*.{ts,js}'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ regex: '.*', message: 'lessons/ is content and imports nothing.' }] }
			]
		}
	}
);
