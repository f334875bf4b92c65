import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every Python a learner may copy must be Python. Fenced ```python blocks in a lesson's lesson.md
// and steps.md are compiled; those fenced ```python run also run, with the standard library only.
// The handler .py files beside the scenarios are the model's handler bodies (their helpers, such
// as load_settings, are the scenario's ops), so they are compiled but never run.

interface Snippet {
	/** `lessons/<folder>/<file>:<line of the opening fence>`, for messages. */
	where: string;
	code: string;
	run: boolean;
}

const FENCE = /^(\s*)(`{3,})\s*(\S*)\s*(.*?)\s*$/;
// Snippets of other lessons known not to compile yet, each fixed on its own branch: expected to
// fail here, so the entry must go (this test fails) once its fix lands.
const PENDING = new Set<string>();
const RUN_TIMEOUT_MS = 60_000; // only catches a hang: a busy machine may take many times longer

function fencedPython(where: string, text: string): Snippet[] {
	const out: Snippet[] = [];
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const open = FENCE.exec(lines[i]);
		if (!open) continue;
		const [, indent, ticks, lang, info] = open;
		const end = lines.findIndex((l, j) => j > i && l.trim().startsWith(ticks));
		const close = end < 0 ? lines.length : end;
		if (lang === 'python' || lang === 'py') {
			const body = lines
				.slice(i + 1, close)
				.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
			out.push({
				where: `${where}:${i + 1}`,
				code: body.join('\n') + '\n',
				run: info.split(/\s+/).includes('run')
			});
		}
		i = close;
	}
	return out;
}

function lessonSnippets(): { fenced: Snippet[]; handlers: Snippet[] } {
	const fenced: Snippet[] = [];
	const handlers: Snippet[] = [];
	for (const folder of readdirSync('lessons')
		.filter((f) => /^\d\d-/.test(f))
		.sort()) {
		for (const file of readdirSync(`lessons/${folder}`).sort()) {
			const where = `lessons/${folder}/${file}`;
			if (file === 'lesson.md' || file === 'steps.md')
				fenced.push(...fencedPython(where, readFileSync(where, 'utf8')));
			else if (file.endsWith('.py'))
				handlers.push({ where, code: readFileSync(where, 'utf8'), run: false });
		}
	}
	return { fenced, handlers };
}

function findPython(): string | null {
	for (const name of ['python3', 'python']) {
		const probe = spawnSync(name, ['-c', 'import sys; print(sys.version_info[0])'], {
			encoding: 'utf8'
		});
		if (probe.status === 0 && probe.stdout.trim() === '3') return name;
	}
	return null;
}

const python = findPython();
const dir = mkdtempSync(join(tmpdir(), 'lesson-snippets-'));
const { fenced, handlers } = lessonSnippets();

function fileFor(snippet: Snippet): string {
	const path = join(dir, snippet.where.replace(/[/:]/g, '--') + '.py');
	writeFileSync(path, snippet.code);
	return path;
}

function python3(args: string[], timeout?: number) {
	const r = spawnSync(python!, args, {
		cwd: dir,
		encoding: 'utf8',
		timeout,
		env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPYCACHEPREFIX: join(dir, 'pycache') }
	});
	return { ok: r.status === 0, said: `${r.error?.message ?? ''}${r.stdout}${r.stderr}`.trim() };
}

// `python3 -m py_compile` on every file, in one interpreter: one start-up instead of fifty on a
// busy machine. Each file's error (py_compile's own message) or null.
const COMPILE_ALL = `import json, py_compile, sys
out = {}
for f in sys.argv[1:]:
    try:
        py_compile.compile(f, cfile=f + 'c', doraise=True)
        out[f] = None
    except py_compile.PyCompileError as e:
        out[f] = e.msg
print(json.dumps(out))`;

function compileAll(snippets: Snippet[]): Map<Snippet, string | null> {
	const files = snippets.map(fileFor);
	const r = python3(['-c', COMPILE_ALL, ...files]);
	if (!r.ok) throw new Error(`py_compile did not run: ${r.said}`);
	const errors = JSON.parse(r.said) as Record<string, string | null>;
	return new Map(snippets.map((s, k) => [s, errors[files[k]]]));
}

describe('lesson snippets', () => {
	it('finds the fenced Python snippets and the handler files', () => {
		expect(fenced.length).toBeGreaterThan(0);
		expect(fenced.some((s) => s.run)).toBe(true);
		expect(handlers.length).toBeGreaterThan(0);
	});

	it('reads a fence and its "run" marker', () => {
		const read = fencedPython(
			'x.md',
			'text\n\n```python run\nprint(1)\n```\n\n  ```python\n  x = 1\n  ```\n\n```sh\nls\n```\n'
		);
		expect(read).toEqual([
			{ where: 'x.md:3', code: 'print(1)\n', run: true },
			{ where: 'x.md:7', code: 'x = 1\n', run: false }
		]);
	});

	// Visible in the report: without python3 the snippets are not checked, and the test says why.
	it.skipIf(python !== null)('is skipped: neither python3 nor python (3.x) is on PATH', () => {});

	describe.skipIf(python === null)(`with ${python ?? 'no python'}`, () => {
		const compiled = python
			? compileAll([...fenced, ...handlers])
			: new Map<Snippet, string | null>();
		for (const [snippet, error] of compiled) {
			const test = PENDING.has(snippet.where) ? it.fails : it;
			const pending = PENDING.has(snippet.where)
				? ' (pending its fix: remove it from PENDING)'
				: '';
			test(`${snippet.where} compiles${pending}`, () => {
				expect(error, `${snippet.where}: the snippet does not compile:\n${error}`).toBeNull();
			});
		}
		for (const snippet of fenced.filter((s) => s.run)) {
			it(`${snippet.where} runs (marked "python run")`, () => {
				const { ok, said } = python3([fileFor(snippet)], RUN_TIMEOUT_MS);
				expect(ok, `${snippet.where}: the snippet marked "run" failed:\n${said}`).toBe(true);
			});
		}
	});
});
