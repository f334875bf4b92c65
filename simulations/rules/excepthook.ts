import type { Scenario } from '../scenario/types';
import { scriptPath, STDLIB } from './task-repr';

/** What debug mode's `_check_thread()` raises when another thread schedules on the loop (F11). */
export const NON_THREADSAFE =
	'RuntimeError: Non-thread-safe operation invoked on an event loop other than the current one';

/** The reader thread's name: the one the code gives its `threading.Thread(..., name=...)`, else reader. */
export function readerName(scenario: Scenario): string {
	for (const h of Object.values(scenario.handlers)) {
		const m = /threading\.Thread\([^)]*name='([^']+)'/.exec(h.code ?? '');
		if (m) return m[1];
	}
	return 'reader';
}

/**
 * What `threading.excepthook` prints when the reader thread dies of `fut.set_result()` in debug
 * mode, measured with CPython 3.11.7 (`asyncio.run(main(), debug=True)`, a thread named reader
 * calling `fut.set_result(b'x')`): the thread's frames, then call_soon's `_check_thread()`. The
 * reader's own frame is the line of the handler code that calls `set_result`, when there is code.
 */
export function readerSetResultTraceback(scenario: Scenario): string {
	let at = { line: 1, text: 'fut.set_result(msg)' };
	for (const h of Object.values(scenario.handlers)) {
		const lines = h.code?.split('\n') ?? [];
		const i = lines.findIndex((l) => l.includes('.set_result('));
		if (i >= 0) {
			at = { line: i + 1, text: lines[i].trim().replace(/\s*#.*$/, '') };
			break;
		}
	}
	return [
		`Exception in thread ${readerName(scenario)}:`,
		'Traceback (most recent call last):',
		`  File "${STDLIB}/threading.py", line 1045, in _bootstrap_inner`,
		'    self.run()',
		`  File "${STDLIB}/threading.py", line 982, in run`,
		'    self._target(*self._args, **self._kwargs)',
		`  File "${scriptPath(scenario)}", line ${at.line}, in reader`,
		`    ${at.text}`,
		`  File "${STDLIB}/asyncio/base_events.py", line 763, in call_soon`,
		'    self._check_thread()',
		`  File "${STDLIB}/asyncio/base_events.py", line 800, in _check_thread`,
		'    raise RuntimeError(',
		NON_THREADSAFE
	].join('\n');
}
