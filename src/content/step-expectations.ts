import type {
	Frame,
	HandoffKind,
	LogSource,
	LoopThreadState,
	TaskState
} from '../../simulations/index';

type ThreadState = Frame['threads'][string]['state'];

/** A claim a step's narration makes about the frame it shows, as written in steps.md. */
export type Expectation = { text: string; line: number } & Claim;

/** What an `expect:` clause claims, apart from where it was written. */
export type Claim =
	| { kind: 'loop'; state: LoopThreadState; detail?: string }
	| { kind: 'gil'; holder: string | null; waiters?: string[] }
	| { kind: 'lock'; name: string; holder: string | null; waiters?: string[] }
	| { kind: 'log'; source?: LogSource; has?: string; lines?: number; none?: LogSource }
	| { kind: 'ready'; count?: number; has?: string[] }
	| { kind: 'batch'; count: number }
	| { kind: 'unread'; ids: string[] }
	| { kind: 'timers'; count: number }
	| { kind: 'request'; ids: string[]; state: 'ok' | 'error' | 'pending'; error?: string }
	| { kind: 'thread'; name: string; state: ThreadState }
	| { kind: 'task'; names: string[]; state: TaskState }
	| { kind: 'outcome'; outcome: 'completed' | 'hung' | 'stopped' | 'running'; reason?: string }
	| { kind: 'heartbeats'; count: number }
	| { kind: 'lag'; ms: number | null }
	| { kind: 'pool'; queued: number }
	| { kind: 'handoff'; handoff: HandoffKind; woke?: boolean };

// Records keyed by the engine's own unions: a state added to the engine fails to compile here
// until steps.md can name it.
const THREAD_STATES: Record<ThreadState, true> = {
	idle: true,
	wantsGil: true,
	running: true,
	blocked: true,
	selecting: true
};
const TASK_STATES: Record<TaskState, true> = {
	coming: true,
	arrived: true,
	ready: true,
	running: true,
	waiting: true,
	done: true,
	failed: true
};
const LOG_SOURCES: Record<LogSource, true> = { asyncio: true, 'threading.excepthook': true };
const HANDOFFS: Record<HandoffKind, true> = {
	threadsafe: true,
	unsafe: true,
	runCoroutineThreadsafe: true,
	resultWait: true
};

/** The words an expectation may start with, each with its forms, as error messages print them. */
export const EXPECTATION_FORMS: Readonly<Record<Claim['kind'], string>> = {
	loop: 'loop select | loop callback ["cb"] | loop blocked [on "text"]',
	gil: 'gil free | gil <holder> [waiting <thread>… | waiting none]',
	lock: 'lock <name> free | lock <name> held by <holder> [waiting <name>… | waiting none]',
	log: 'log empty | log lines <n> | log has [asyncio|threading.excepthook] "text" | log none <source>',
	ready: 'ready empty | ready <n> | ready has "cb"…',
	batch: 'batch <n>',
	unread: 'unread none | unread <request>…',
	timers: 'timers none | timers <n>',
	request: 'request <id>… ok|pending | request <id>… error ["text"]',
	thread: `thread <name> ${Object.keys(THREAD_STATES).join('|')}`,
	task: `task <name>… ${Object.keys(TASK_STATES).join('|')}`,
	outcome: 'outcome completed|running | outcome hung|stopped ["reason"]',
	heartbeats: 'heartbeats <n>',
	lag: 'lag none | lag <ms>',
	pool: 'pool queued <n>',
	handoff: `handoff ${Object.keys(HANDOFFS).join('|')} [woke|silent]`
};

// A word, or a double-quoted value (the one place spaces and semicolons may appear).
const TOKEN = /"([^"]*)"|([^\s"]+)/g;
// ";" separates clauses unless it sits inside a quoted value.
const CLAUSES = /;(?=(?:[^"]*"[^"]*")*[^"]*$)/;

interface Word {
	text: string;
	quoted: boolean;
}

/**
 * Reads the clauses of one `expect:` line (after the prefix), separated by `;`: each becomes an
 * Expectation, each problem a message naming the clause and its expected form.
 */
export function parseExpectations(
	text: string,
	line: number
): { expect: Expectation[]; errors: string[] } {
	const expect: Expectation[] = [];
	const errors: string[] = [];
	for (const raw of text.split(CLAUSES)) {
		const clause = raw.trim();
		if (clause === '') {
			errors.push('expect: an empty clause (two ";" in a row, or one at the end)');
			continue;
		}
		const claim = readClaim(wordsOf(clause));
		if (typeof claim === 'string') errors.push(`expect: "${clause}": ${claim}`);
		else expect.push({ text: clause, line, ...claim });
	}
	return { expect, errors };
}

function wordsOf(clause: string): Word[] {
	return [...clause.matchAll(TOKEN)].map((m) =>
		m[1] !== undefined ? { text: m[1], quoted: true } : { text: m[2], quoted: false }
	);
}

// A claim, or what is wrong with the clause.
function readClaim(words: Word[]): Claim | string {
	const [head, ...rest] = words;
	const kind = head.text as Claim['kind'];
	if (head.quoted || !Object.hasOwn(EXPECTATION_FORMS, kind)) {
		return `unknown word "${head.text}"; an expectation starts with one of: ${Object.keys(EXPECTATION_FORMS).join(', ')}`;
	}
	const claim = READERS[kind](rest);
	return claim ?? `expected ${EXPECTATION_FORMS[kind]}`;
}

type Reader = (w: Word[]) => Claim | null;

const plain = (w: Word | undefined, ...texts: string[]) =>
	w !== undefined && !w.quoted && texts.includes(w.text);
const names = (ws: Word[]) => (ws.some((w) => w.quoted) ? null : ws.map((w) => w.text));
const count = (w: Word | undefined) =>
	w !== undefined && !w.quoted && /^\d+$/.test(w.text) ? Number(w.text) : null;
const only = <T>(ws: Word[], n: number, value: T) => (ws.length === n ? value : null);

// `waiting a b` or `waiting none` after a holder; absent means the waiters are not claimed.
function waiting(ws: Word[]): { waiters?: string[] } | null {
	if (ws.length === 0) return {};
	if (!plain(ws[0], 'waiting') || ws.length < 2) return null;
	if (ws.length === 2 && plain(ws[1], 'none')) return { waiters: [] };
	const list = names(ws.slice(1));
	return list ? { waiters: list } : null;
}

const READERS: { [K in Claim['kind']]: Reader } = {
	loop([state, ...more]) {
		if (plain(state, 'select')) return only(more, 0, { kind: 'loop', state: 'select' });
		if (plain(state, 'callback')) {
			if (more.length === 0) return { kind: 'loop', state: 'callback' };
			return more.length === 1 && more[0].quoted
				? { kind: 'loop', state: 'callback', detail: more[0].text }
				: null;
		}
		if (!plain(state, 'blocked')) return null;
		if (more.length === 0) return { kind: 'loop', state: 'blocked' };
		return more.length === 2 && plain(more[0], 'on') && more[1].quoted
			? { kind: 'loop', state: 'blocked', detail: more[1].text }
			: null;
	},
	gil([holder, ...more]) {
		if (!holder || holder.quoted) return null;
		if (holder.text === 'free') return only(more, 0, { kind: 'gil', holder: null });
		const w = waiting(more);
		return w && { kind: 'gil', holder: holder.text, ...w };
	},
	lock([name, ...more]) {
		if (!name || name.quoted) return null;
		if (plain(more[0], 'free'))
			return only(more, 1, { kind: 'lock', name: name.text, holder: null });
		if (!plain(more[0], 'held') || !plain(more[1], 'by') || !more[2] || more[2].quoted) return null;
		const w = waiting(more.slice(3));
		return w && { kind: 'lock', name: name.text, holder: more[2].text, ...w };
	},
	log([what, ...more]) {
		if (plain(what, 'empty')) return only(more, 0, { kind: 'log', lines: 0 });
		if (plain(what, 'lines')) {
			const n = count(more[0]);
			return n === null ? null : only(more, 1, { kind: 'log', lines: n });
		}
		if (plain(what, 'none')) {
			const source = more[0]?.text as LogSource;
			return plain(more[0], ...Object.keys(LOG_SOURCES))
				? only(more, 1, { kind: 'log', none: source })
				: null;
		}
		if (!plain(what, 'has')) return null;
		if (more.length === 1 && more[0].quoted) return { kind: 'log', has: more[0].text };
		const source = more[0]?.text as LogSource;
		return more.length === 2 && plain(more[0], ...Object.keys(LOG_SOURCES)) && more[1].quoted
			? { kind: 'log', source, has: more[1].text }
			: null;
	},
	ready([what, ...more]) {
		if (plain(what, 'empty')) return only(more, 0, { kind: 'ready', count: 0 });
		const n = count(what);
		if (n !== null) return only(more, 0, { kind: 'ready', count: n });
		if (!plain(what, 'has') || more.length === 0 || more.some((w) => !w.quoted)) return null;
		return { kind: 'ready', has: more.map((w) => w.text) };
	},
	batch(ws) {
		const n = count(ws[0]);
		return n === null ? null : only(ws, 1, { kind: 'batch', count: n });
	},
	unread(ws) {
		if (ws.length === 1 && plain(ws[0], 'none')) return { kind: 'unread', ids: [] };
		const ids = names(ws);
		return ids && ids.length > 0 ? { kind: 'unread', ids } : null;
	},
	timers(ws) {
		if (ws.length === 1 && plain(ws[0], 'none')) return { kind: 'timers', count: 0 };
		const n = count(ws[0]);
		return n === null ? null : only(ws, 1, { kind: 'timers', count: n });
	},
	request(ws) {
		const errorAt = ws.findIndex((w) => plain(w, 'error'));
		if (errorAt > 0) {
			const ids = names(ws.slice(0, errorAt));
			const tail = ws.slice(errorAt + 1);
			if (!ids || tail.length > 1 || (tail.length === 1 && !tail[0].quoted)) return null;
			const error = tail[0]?.text;
			return { kind: 'request', ids, state: 'error', ...(error === undefined ? {} : { error }) };
		}
		const state = ws.at(-1);
		const ids = names(ws.slice(0, -1));
		if (!ids || ids.length === 0 || !plain(state, 'ok', 'pending')) return null;
		return { kind: 'request', ids, state: state!.text as 'ok' | 'pending' };
	},
	thread(ws) {
		const [name, state] = ws;
		if (ws.length !== 2 || name.quoted || !plain(state, ...Object.keys(THREAD_STATES))) return null;
		return { kind: 'thread', name: name.text, state: state.text as ThreadState };
	},
	task(ws) {
		const state = ws.at(-1);
		const list = names(ws.slice(0, -1));
		if (!list || list.length === 0 || !plain(state, ...Object.keys(TASK_STATES))) return null;
		return { kind: 'task', names: list, state: state!.text as TaskState };
	},
	outcome([outcome, ...more]) {
		if (plain(outcome, 'hung', 'stopped') && more.length === 1 && more[0].quoted)
			return { kind: 'outcome', outcome: outcome.text as 'hung' | 'stopped', reason: more[0].text };
		if (more.length > 0 || !plain(outcome, 'completed', 'hung', 'stopped', 'running')) return null;
		return {
			kind: 'outcome',
			outcome: outcome.text as 'completed' | 'hung' | 'stopped' | 'running'
		};
	},
	heartbeats(ws) {
		const n = count(ws[0]);
		return n === null ? null : only(ws, 1, { kind: 'heartbeats', count: n });
	},
	lag(ws) {
		if (ws.length === 1 && plain(ws[0], 'none')) return { kind: 'lag', ms: null };
		const n = count(ws[0]);
		return n === null ? null : only(ws, 1, { kind: 'lag', ms: n });
	},
	handoff([kind, woke, ...more]) {
		if (more.length > 0 || !plain(kind, ...Object.keys(HANDOFFS))) return null;
		const claim: Claim = { kind: 'handoff', handoff: kind.text as HandoffKind };
		if (woke === undefined) return claim;
		return plain(woke, 'woke', 'silent') ? { ...claim, woke: woke.text === 'woke' } : null;
	},
	pool(ws) {
		const n = count(ws[1]);
		return plain(ws[0], 'queued') && n !== null ? only(ws, 2, { kind: 'pool', queued: n }) : null;
	}
};
