import { describe, expect, it } from 'vitest';
import { EXPECTATION_FORMS, parseExpectations } from '../../src/content/step-expectations';

const claims = (text: string) => {
	const read = parseExpectations(text, 7);
	expect(read.errors).toEqual([]);
	return read.expect.map((e) => {
		const claim: Partial<typeof e> = { ...e };
		delete claim.text;
		delete claim.line;
		return claim;
	});
};

describe('parseExpectations(text, line)', () => {
	it.each([
		['loop select', { kind: 'loop', state: 'select' }],
		['loop callback', { kind: 'loop', state: 'callback' }],
		['loop callback "r1 step"', { kind: 'loop', state: 'callback', detail: 'r1 step' }],
		['loop blocked on "acquire"', { kind: 'loop', state: 'blocked', detail: 'acquire' }],
		['gil free', { kind: 'gil', holder: null }],
		[
			'gil loop waiting pool-1 pool-2',
			{ kind: 'gil', holder: 'loop', waiters: ['pool-1', 'pool-2'] }
		],
		['gil pool-1 waiting none', { kind: 'gil', holder: 'pool-1', waiters: [] }],
		['lock client_lock free', { kind: 'lock', name: 'client_lock', holder: null }],
		[
			'lock client_lock held by main/1 waiting main/2',
			{ kind: 'lock', name: 'client_lock', holder: 'main/1', waiters: ['main/2'] }
		],
		['lock l held by r1', { kind: 'lock', name: 'l', holder: 'r1' }],
		['log empty', { kind: 'log', lines: 0 }],
		['log lines 5', { kind: 'log', lines: 5 }],
		['log has "took 0.200 seconds"', { kind: 'log', has: 'took 0.200 seconds' }],
		[
			'log has threading.excepthook "Exception in thread"',
			{ kind: 'log', source: 'threading.excepthook', has: 'Exception in thread' }
		],
		['log none asyncio', { kind: 'log', none: 'asyncio' }],
		['ready empty', { kind: 'ready', count: 0 }],
		['ready 6', { kind: 'ready', count: 6 }],
		[
			'ready has "main step" "heartbeat step"',
			{ kind: 'ready', has: ['main step', 'heartbeat step'] }
		],
		['batch 6', { kind: 'batch', count: 6 }],
		['unread none', { kind: 'unread', ids: [] }],
		['unread r2 r3', { kind: 'unread', ids: ['r2', 'r3'] }],
		['timers none', { kind: 'timers', count: 0 }],
		['timers 2', { kind: 'timers', count: 2 }],
		['request r1 ok', { kind: 'request', ids: ['r1'], state: 'ok' }],
		['request r2 r3 pending', { kind: 'request', ids: ['r2', 'r3'], state: 'pending' }],
		['request r1 error', { kind: 'request', ids: ['r1'], state: 'error' }],
		[
			'request r1 r2 error "TimeoutError"',
			{ kind: 'request', ids: ['r1', 'r2'], state: 'error', error: 'TimeoutError' }
		],
		['thread pool-1 blocked', { kind: 'thread', name: 'pool-1', state: 'blocked' }],
		['task main/1 main/2 waiting', { kind: 'task', names: ['main/1', 'main/2'], state: 'waiting' }],
		['outcome hung', { kind: 'outcome', outcome: 'hung' }],
		['outcome running', { kind: 'outcome', outcome: 'running' }],
		['outcome hung "deadlock"', { kind: 'outcome', outcome: 'hung', reason: 'deadlock' }],
		['outcome stopped', { kind: 'outcome', outcome: 'stopped' }],
		['outcome stopped "limit"', { kind: 'outcome', outcome: 'stopped', reason: 'limit' }],
		['heartbeats 73', { kind: 'heartbeats', count: 73 }],
		['lag none', { kind: 'lag', ms: null }],
		['lag 950', { kind: 'lag', ms: 950 }],
		['pool queued 7', { kind: 'pool', queued: 7 }],
		['handoff unsafe', { kind: 'handoff', handoff: 'unsafe' }],
		['handoff threadsafe woke', { kind: 'handoff', handoff: 'threadsafe', woke: true }]
	])('reads %s', (text, claim) => {
		expect(claims(text)).toEqual([claim]);
	});

	it('reads clauses separated by ";", keeping a ";" inside quotes, each with its text and line', () => {
		const read = parseExpectations('loop select;  log has "a; b" ; ready 2', 12);
		expect(read.errors).toEqual([]);
		expect(read.expect.map((e) => [e.text, e.line])).toEqual([
			['loop select', 12],
			['log has "a; b"', 12],
			['ready 2', 12]
		]);
	});

	it.each([
		['lok client_lock free', 'unknown word "lok"; an expectation starts with one of: loop, gil'],
		['loop asleep', `expected ${EXPECTATION_FORMS.loop}`],
		['loop blocked "acquire"', 'expected loop select'],
		['lock client_lock held main/1', 'expected lock <name> free'],
		['lock client_lock held by main/1 waiting', 'expected lock <name> free'],
		['gil loop main/2', 'expected gil free'],
		['ready some', 'expected ready empty'],
		['log has took', 'expected log empty'],
		['log none stderr', 'expected log empty'],
		['request r1 done', 'expected request <id>'],
		['request ok', 'expected request <id>'],
		['thread pool-1 sleeping', 'expected thread <name> idle|wantsGil|running|blocked|selecting'],
		['task main/1 hanging', 'expected task <name>'],
		['timers 2 3', 'expected timers none'],
		['"loop" select', 'unknown word "loop"'],
		['outcome done', 'expected outcome completed|running | outcome hung|stopped ["reason"]'],
		['outcome completed "fine"', 'expected outcome completed|running'],
		['handoff unsafe loud', 'expected handoff threadsafe|unsafe|runCoroutineThreadsafe|resultWait']
	])('reports %s', (text, message) => {
		const read = parseExpectations(text, 3);
		expect(read.expect).toEqual([]);
		expect(read.errors).toEqual([expect.stringContaining(`expect: "${text}": ${message}`)]);
	});

	it('reports an empty clause', () => {
		expect(parseExpectations('loop select;', 1).errors).toEqual([
			'expect: an empty clause (two ";" in a row, or one at the end)'
		]);
	});
});
