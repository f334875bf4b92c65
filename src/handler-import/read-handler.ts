import type { SyntaxNode } from '@lezer/common';
import {
	annotationBinding,
	offloadWork,
	ruleFor,
	type Binding,
	type Callee,
	type Rule
} from './call-rules';
import { argsOf, calleeOf, secondsOf, shortText } from './call-syntax';
import {
	findFunction,
	firstAsyncIn,
	parsePython,
	syntaxProblem,
	type PythonSource
} from './python-source';
import type { FoundStep, HandlerReading, ReadResult, TimedStep, Unrecognised } from './types';

/** A FastAPI (or Starlette-style) route decorator: its `def` endpoint runs in the thread pool. */
const ROUTE = /^@\s*\w+(\.\w+)*\.(get|post|put|patch|delete|head|options|api_route|route)\s*\(/;
/** The validator's bound on a handler's `code`. */
const MAX_CODE = 20_000;
/** A `for` over `range(n)` with a literal n up to this is repeated; longer loops are counted once. */
const MAX_REPEAT = 20;

/**
 * Reads a pasted handler (one `async def`, or a FastAPI `def` route) into steps, with the line
 * each stands for: blocking calls as flake8-async knows them, awaited calls, offloads, gathers
 * and locks. Calls no rule knows are listed, not guessed.
 */
export function readHandler(text: string): ReadResult {
	if (text.length > MAX_CODE) {
		const message = `This is ${text.length.toLocaleString('en')} characters; a scenario holds a handler's code up to ${MAX_CODE.toLocaleString('en')}. Paste the handler alone.`;
		return { ok: false, problem: { line: 1, message } };
	}
	// Lezer's parser caps nesting (2,900 brackets deep is its syntax error), so the reader's
	// recursion stays far from the stack's end. Windows line ends would show in the code view.
	return read(text.replace(/\r\n?/g, '\n'));
}

function read(text: string): ReadResult {
	const src = parsePython(text);
	const syntax = syntaxProblem(src);
	if (syntax) return { ok: false, problem: syntax };
	const fn = findFunction(src);
	if ('message' in fn) return { ok: false, problem: fn };
	const line = src.lineOf(fn.def.from);
	const sync = !fn.isAsync;
	if (sync && !fn.decorators.some((d) => ROUTE.test(d))) {
		return {
			ok: false,
			problem: {
				line,
				message: `“def ${fn.name}” on line ${line} is not a coroutine: paste an async def handler, or a FastAPI route with its decorator (@app.get(…)), whose def endpoint runs in the thread pool.`
			}
		};
	}
	const body = fn.def.getChild('Body');
	const stray = sync && body ? firstAsyncIn(src, body) : null;
	if (stray) {
		const at = src.lineOf(stray.at);
		return {
			ok: false,
			problem: {
				line: at,
				message: `“${stray.what}” on line ${at} is outside an async function: “def ${fn.name}” is not a coroutine, so Python refuses it (SyntaxError). Make it “async def ${fn.name}”, or take the ${stray.what} out.`
			}
		};
	}
	const reader = new Reader(src);
	for (const n of fn.module) reader.bindModule(n);
	reader.bindParams(fn.def.getChild('ParamList'));
	const steps = body ? reader.body(body, '') : [];
	const reading: HandlerReading = {
		name: fn.name,
		sync,
		code: text.replace(/\s+$/, ''),
		steps,
		unrecognised: reader.unrecognised,
		notes: reader.notes
	};
	return { ok: true, reading };
}

/** A list of steps being read, and the prefix of their ids. */
class Out {
	readonly steps: FoundStep[] = [];
	private next = 0;
	constructor(readonly prefix: string) {}
	id(): string {
		return `${this.prefix}${this.next++}`;
	}
}

class Reader {
	readonly unrecognised: Unrecognised[] = [];
	readonly notes: { line: number; text: string }[] = [];
	private readonly bindings = new Map<string, Binding>();

	constructor(private readonly src: PythonSource) {}

	/** `client = httpx.AsyncClient()`, `lock = asyncio.Lock()` at module level. */
	bindModule(n: SyntaxNode): void {
		if (n.name !== 'AssignStatement') return;
		const target = n.firstChild;
		const last = n.lastChild;
		const value = last?.name === 'AwaitExpression' ? last.lastChild : last;
		if (target?.name !== 'VariableName' || value?.name !== 'CallExpression') return;
		const rule = ruleFor(calleeOf(this.src, value.firstChild as SyntaxNode), this.bindings);
		if (rule?.binds) this.bindings.set(this.text(target), rule.binds);
	}

	/** `request: Request`, `db: Session = Depends(get_db)`. */
	bindParams(params: SyntaxNode | null): void {
		for (let n = params?.firstChild ?? null; n; n = n.nextSibling) {
			const type = n.nextSibling?.name === 'TypeDef' ? n.nextSibling.lastChild : null;
			if (n.name !== 'VariableName' || !type) continue;
			const binding = annotationBinding(this.text(type));
			if (binding) this.bindings.set(this.text(n), binding);
		}
	}

	/** The statements of a block, read in order; it stops after a return or raise. */
	body(body: SyntaxNode, prefix: string, out = new Out(prefix)): FoundStep[] {
		for (let n = body.firstChild; n; n = n.nextSibling) {
			this.statement(n, out);
			if (n.name === 'ReturnStatement' || n.name === 'RaiseStatement') break;
		}
		return out.steps;
	}

	private statement(n: SyntaxNode, out: Out): void {
		switch (n.name) {
			case 'IfStatement':
				return this.ifStatement(n, out);
			case 'ForStatement':
			case 'WhileStatement':
				return this.loop(n, out);
			case 'WithStatement':
				return this.withStatement(n, out);
			case 'TryStatement':
				return this.tryStatement(n, out);
			case 'AssignStatement':
				return this.assign(n, out);
			case 'FunctionDefinition':
			case 'DecoratedStatement':
			case 'ClassDefinition':
				this.note(n, 'a definition inside the handler is not modelled; calls to it are listed');
				return;
			default:
				this.expression(n, out);
		}
	}

	/** `x = await client.get(u)`: the call's steps, and what `x` now is. */
	private assign(n: SyntaxNode, out: Out): void {
		const value = n.lastChild as SyntaxNode;
		const rule = this.expression(value, out);
		const target = n.firstChild;
		if (rule?.binds && target?.name === 'VariableName' && n.getChildren('AssignOp').length === 1) {
			this.bindings.set(this.text(target), rule.binds);
		}
	}

	/** The model follows one path: the first branch that does not end the handler. */
	private ifStatement(n: SyntaxNode, out: Out): void {
		const bodies = n.getChildren('Body');
		const condition = n.firstChild?.nextSibling;
		if (condition) this.expression(condition, out);
		const ends = (b: SyntaxNode) =>
			b.lastChild?.name === 'ReturnStatement' || b.lastChild?.name === 'RaiseStatement';
		const hasElse = n.getChild('else') !== null;
		const paths: (SyntaxNode | null)[] = hasElse ? bodies : [...bodies, null];
		const through = paths.findIndex((b) => b === null || !ends(b));
		const chosen = paths[Math.max(through, 0)];
		if (paths.length > 1) {
			this.note(
				n,
				chosen
					? `the model takes the branch on line ${this.line(chosen)}; the others are left out`
					: 'the model skips its branch (it ends the handler early)'
			);
		}
		if (chosen) this.body(chosen, out.prefix, out);
	}

	private loop(n: SyntaxNode, out: Out): void {
		const body = n.getChild('Body');
		const iter = n.getChild('in')?.nextSibling ?? null;
		const isFor = n.name === 'ForStatement';
		if (isFor && iter) this.expression(iter, out);
		const times = isFor ? this.rangeCount(iter) : null;
		if (!body) return;
		const first = out.steps.length;
		this.body(body, out.prefix, out);
		const once = out.steps.slice(first);
		if (times !== null) {
			for (let i = 1; i < times; i++) out.steps.push(...once);
			return;
		}
		const what = n.getChild('async') ? 'async for' : isFor ? 'for' : 'while';
		this.note(n, `${what} loop: its body is counted once`);
	}

	/** `range(3)` → 3, when the count is a small literal. */
	private rangeCount(iter: SyntaxNode | null): number | null {
		if (iter?.name !== 'CallExpression' || this.text(iter.firstChild as SyntaxNode) !== 'range') {
			return null;
		}
		const args = argsOf(iter);
		if (args.positional.length !== 1 || args.positional[0].name !== 'Number') return null;
		const n = Number(this.text(args.positional[0]).replace(/_/g, ''));
		return Number.isInteger(n) && n >= 1 && n <= MAX_REPEAT ? n : null;
	}

	private tryStatement(n: SyntaxNode, out: Out): void {
		let skip = false;
		for (let c = n.firstChild; c; c = c.nextSibling) {
			if (c.name === 'except') {
				skip = true;
				this.note(c, 'except: left out (the model runs without errors)');
			} else if (c.name === 'else' || c.name === 'finally') skip = false;
			else if (c.name === 'Body' && !skip) this.body(c, out.prefix, out);
		}
	}

	/** `async with lock:`, `with open(p) as f:`, `async with httpx.AsyncClient() as client:`. */
	private withStatement(n: SyntaxNode, out: Out): void {
		const isAsync = n.getChild('async') !== null;
		const body = n.getChild('Body');
		let target = out;
		for (let c = n.firstChild; c && c.name !== 'Body'; c = c.nextSibling) {
			if (['async', 'with', 'as', ','].includes(c.name)) continue;
			if (c.prevSibling?.name === 'as') continue;
			const name = c.nextSibling?.name === 'as' ? c.nextSibling.nextSibling : null;
			const binding = c.name === 'VariableName' ? this.bindings.get(this.text(c)) : undefined;
			const lockKind =
				binding === 'asyncioLock' ? 'asyncio' : binding === 'threadLock' ? 'thread' : null;
			if (lockKind && (lockKind === 'asyncio') === isAsync) {
				const id = target.id();
				const lock: FoundStep = {
					id,
					op: 'lock',
					line: this.line(c),
					call: `${isAsync ? 'async with' : 'with'} ${this.text(c)}`,
					why:
						lockKind === 'asyncio'
							? 'an asyncio.Lock: waiting for it yields to the loop'
							: 'a threading.Lock: a contended acquire blocks the loop thread',
					name: this.text(c),
					kind: lockKind,
					steps: []
				};
				target.steps.push(lock);
				const inner = new Out(`${id}.`);
				target = inner;
				lock.steps = inner.steps;
				continue;
			}
			const rule = c.name === 'CallExpression' ? this.call(c, target, isAsync) : undefined;
			if (rule === undefined) this.unknown(c, isAsync ? 'async with ' : 'with ');
			if (rule?.binds && name) this.bindings.set(this.text(name), rule.binds);
		}
		if (body) this.body(body, target.prefix, target);
	}

	/** The calls in an expression, in the order Python makes them; the rule of the outermost one. */
	private expression(n: SyntaxNode, out: Out): Rule | null {
		if (n.name === 'AwaitExpression') {
			const inner = n.lastChild as SyntaxNode;
			if (inner.name === 'CallExpression') return this.call(inner, out, true);
			this.unknown(inner, 'await ');
			return null;
		}
		if (n.name === 'CallExpression') return this.call(n, out, false);
		if (n.name === 'LambdaExpression') return null;
		for (let c = n.firstChild; c; c = c.nextSibling) this.expression(c, out);
		return null;
	}

	/** One call: a step, something instant, or listed as not recognised (null). */
	private call(n: SyntaxNode, out: Out, awaited: boolean): Rule | null {
		const calleeNode = n.firstChild as SyntaxNode;
		const callee = calleeOf(this.src, calleeNode);
		let rule: Rule | null;
		if (callee.onCallResult) {
			// `requests.get(u).json()`: the inner call is the step; a method of its result is part of it.
			const inner = this.call(calleeNode.firstChild as SyntaxNode, out, false);
			if (!inner) return null;
			const bound = new Map<string, Binding>(inner.binds ? [['()', inner.binds]] : []);
			rule = ruleFor({ ...callee, receiver: '()', dotted: null }, bound) ?? { op: 'instant' };
		} else rule = ruleFor(callee, this.bindings);
		const args = argsOf(n);
		if (!rule) {
			for (const a of args.all) this.expression(a, out);
			this.unknown(n, awaited ? 'await ' : '');
			return null;
		}
		switch (rule.op) {
			case 'offload':
			case 'gather':
			case 'await-inner':
				if (!awaited) return this.notAwaited(n, rule);
				if (rule.op === 'gather') this.gather(n, args.positional, out);
				else if (rule.op === 'offload') this.offload(n, callee, args.positional, out);
				else if (args.positional[0]?.name === 'CallExpression')
					this.call(args.positional[0], out, true);
				else if (args.positional[0]) this.unknown(args.positional[0], 'await ');
				return rule;
			case 'instant':
				for (const a of args.all) this.expression(a, out);
				return rule;
			default:
				for (const a of args.all) this.expression(a, out);
				if ((rule.op === 'sleep' || rule.op === 'io') && !awaited) {
					return rule.alsoSync ? { op: 'instant' } : this.notAwaited(n, rule);
				}
				out.steps.push(this.timed(n, rule, rule.op, args.positional, out));
				return rule;
		}
	}

	private timed(
		n: SyntaxNode,
		rule: Rule,
		op: TimedStep['op'],
		positional: SyntaxNode[],
		out: Out
	): TimedStep {
		const literal = rule.secondsArg ? secondsOf(this.src, positional[0]) : null;
		return {
			id: out.id(),
			op,
			line: this.line(n),
			call: shortText(this.src, n),
			why: rule.why ?? '',
			ms: literal ?? rule.ms ?? 100,
			msFrom: literal === null ? 'default' : 'code'
		};
	}

	/** `to_thread(f, …)`, `run_in_executor(None, f, …)`: what f does, where the rules know it. */
	private offload(n: SyntaxNode, callee: Callee, positional: SyntaxNode[], out: Out): void {
		const at = callee.method === 'run_in_executor' ? 1 : 0;
		let fn: SyntaxNode | undefined = positional[at];
		let fnArgs = positional.slice(at + 1);
		if (fn?.name === 'LambdaExpression' && fn.lastChild?.name === 'CallExpression') {
			fnArgs = argsOf(fn.lastChild).positional;
			fn = fn.lastChild.firstChild as SyntaxNode;
		}
		const inner = fn ? ruleFor(calleeOf(this.src, fn), this.bindings) : null;
		const known = offloadWork(inner);
		const literal = inner?.secondsArg ? secondsOf(this.src, fnArgs[0]) : null;
		const what = fn ? this.text(fn) : 'the function';
		out.steps.push({
			id: out.id(),
			op: 'offload',
			line: this.line(n),
			call: shortText(this.src, n),
			why: known
				? `runs ${what} on a pool thread: the loop is free meanwhile`
				: `runs ${what} on a pool thread; what it does is not known: set its time and work`,
			ms: literal ?? known?.ms ?? 100,
			msFrom: literal === null ? 'default' : 'code',
			work: known?.work ?? 'block'
		});
	}

	/** `await asyncio.gather(a(), b())`: each awaitable a branch (a Task of its own). */
	private gather(n: SyntaxNode, positional: SyntaxNode[], out: Out): void {
		const id = out.id();
		const branches: FoundStep[][] = [];
		for (const arg of positional) {
			if (arg.name !== 'CallExpression' || arg.prevSibling?.name === '*') {
				this.unknown(arg, arg.prevSibling?.name === '*' ? 'gather(*…): ' : 'gather: ');
				continue;
			}
			const branch = new Out(`${id}.b${branches.length}.`);
			this.call(arg, branch, true);
			if (branch.steps.length > 0) branches.push(branch.steps);
		}
		if (branches.length === 0) return;
		out.steps.push({
			id,
			op: 'gather',
			line: this.line(n),
			call: shortText(this.src, n),
			why: 'each awaitable runs as a Task of its own; the handler waits for all',
			branches
		});
	}

	private notAwaited(n: SyntaxNode, rule: Rule): Rule {
		this.note(n, `${shortText(this.src, n)} is not awaited here, so the model leaves it out`);
		return rule;
	}

	private unknown(n: SyntaxNode, prefix: string): void {
		this.unrecognised.push({ call: `${prefix}${shortText(this.src, n)}`, line: this.line(n) });
	}

	private note(n: SyntaxNode, text: string): void {
		this.notes.push({ line: this.line(n), text });
	}

	private line(n: SyntaxNode): number {
		return this.src.lineOf(n.from);
	}

	private text(n: SyntaxNode): string {
		return this.src.textOf(n);
	}
}
