/**
 * Starting a worker from a module URL, the same way in Node's worker_threads and in a
 * browser's Web Workers, plus a tiny request/reply protocol and a start gate over shared
 * memory. No static `node:` import: Node's modules are loaded dynamically, only in Node.
 *
 * Node and TypeScript workers: the engine's worker scripts are `.ts` files run without a
 * build step. The obvious `new Worker(url, { execArgv: ['--import', 'tsx'] })` does not
 * work on Node 20: the hooks that `--import tsx` registers are not applied to the worker's
 * own entry module, which then fails with ERR_UNKNOWN_FILE_EXTENSION. So a `.ts` entry is
 * started through a two-line bootstrap evaluated in the worker: it imports tsx's ESM API
 * (resolved from this package's node_modules, so the current directory does not matter),
 * calls `register()`, then imports the entry. A `.js`/`.mjs` entry is started directly.
 *
 * Browsers: `new Worker(url, { type: 'module' })`. The URL must be one the page can load
 * as JavaScript (a bundler-emitted worker URL, such as Vite's `?worker&url`).
 */


/** `Atomics.waitAsync` (ES2024; not in this project's `lib`, missing in some browsers). */
export type WaitAsync = (
  view: Int32Array,
  index: number,
  value: number,
  timeoutMs?: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

/** A reply of the request/reply protocol: the handler's value, or its error message. */
export type WorkerReply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** A started worker, whichever platform started it. */
export interface WorkerHandle {
  /** Posts a message to the worker (SharedArrayBuffers are shared, not copied; `transfer` moves ports). */
  post(message: unknown, transfer?: Transferable[]): void;
  /** The next message from the worker; rejects if the worker fails or exits first. */
  next<T = unknown>(): Promise<T>;
  /** Posts `message` and resolves with the handler's reply value (see `serveRequests`). */
  request<T = unknown>(message: unknown, transfer?: Transferable[]): Promise<T>;
  /** Stops the worker. */
  terminate(): Promise<void>;
}

/** Options of `startWorker`. */
export interface StartWorkerOptions {
  /** A name shown in debuggers and error messages. */
  name?: string;
}

/** True when running in Node (or a Node worker), false in a browser. */
export function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** True inside a worker (Node worker_threads or a Web Worker), false on a main thread. */
export async function isWorkerThread(): Promise<boolean> {
  if (isNode()) return !(await nodeImport<NodeWorkerThreads>('node:worker_threads')).isMainThread;
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
}

// Hidden from bundlers, which would otherwise try to resolve Node's modules for the browser.
function nodeImport<T>(specifier: string): Promise<T> {
  return import(/* @vite-ignore */ specifier) as Promise<T>;
}

type NodeWorkerThreads = typeof import('node:worker_threads');

let tsxApiUrl: string | undefined;

/** The file URL of tsx's ESM API (`tsx/esm/api`), from its package.json exports. */
async function resolveTsxApi(): Promise<string> {
  if (tsxApiUrl) return tsxApiUrl;
  const { createRequire } = await nodeImport<typeof import('node:module')>('node:module');
  const { pathToFileURL } = await nodeImport<typeof import('node:url')>('node:url');
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  const entry = pkg.exports['./esm/api']?.import.default;
  if (!entry) throw new Error('tsx has no ./esm/api export: cannot start TypeScript workers');
  tsxApiUrl = new URL(entry, pathToFileURL(pkgPath)).href;
  return tsxApiUrl;
}

/** Queues incoming messages and failures so that `next()` never misses one. */
class Inbox {
  private readonly messages: unknown[] = [];
  private readonly waiters: { resolve: (m: unknown) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | undefined;

  deliver(message: unknown): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(message);
    else this.messages.push(message);
  }

  fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
  }

  next<T>(): Promise<T> {
    if (this.messages.length > 0) return Promise.resolve(this.messages.shift() as T);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.waiters.push({ resolve: resolve as (m: unknown) => void, reject });
    });
  }
}

type Post = (message: unknown, transfer?: Transferable[]) => void;

function handleOver(inbox: Inbox, post: Post, terminate: () => Promise<void>): WorkerHandle {
  return {
    post,
    next: <T>() => inbox.next<T>(),
    async request<T>(message: unknown, transfer?: Transferable[]): Promise<T> {
      post(message, transfer);
      const reply = await inbox.next<WorkerReply<T>>();
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    terminate,
  };
}

/** Starts the module at `url` as a worker, in Node or in a browser. */
export async function startWorker(url: URL, options: StartWorkerOptions = {}): Promise<WorkerHandle> {
  const inbox = new Inbox();
  const label = options.name ?? url.pathname.split('/').pop() ?? 'worker';
  if (isNode()) {
    const { Worker } = await nodeImport<NodeWorkerThreads>('node:worker_threads');
    let worker: InstanceType<typeof Worker>;
    if (/\.[cm]?tsx?$/.test(url.pathname)) {
      const api = await resolveTsxApi();
      const bootstrap =
        `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); ` +
        `return import(${JSON.stringify(url.href)}); });`;
      worker = new Worker(bootstrap, { eval: true, name: label });
    } else {
      worker = new Worker(url, { name: label });
    }
    worker.on('message', (m: unknown) => inbox.deliver(m));
    worker.on('error', (e: Error) => inbox.fail(new Error(`worker ${label} failed: ${e.message}`, { cause: e })));
    worker.on('exit', (code: number) => inbox.fail(new Error(`worker ${label} exited (code ${code})`)));
    return handleOver(
      inbox,
      (m, transfer) => worker.postMessage(m, transfer as Parameters<typeof worker.postMessage>[1]),
      async () => {
        await worker.terminate();
      },
    );
  }
  const worker = new Worker(url, { type: 'module', name: label });
  worker.onmessage = (e: MessageEvent) => inbox.deliver(e.data);
  worker.onerror = (e: ErrorEvent) => inbox.fail(new Error(`worker ${label} failed: ${e.message}`));
  return handleOver(
    inbox,
    (m, transfer) => worker.postMessage(m, transfer ?? []),
    async () => worker.terminate(),
  );
}

/** The worker's side of the channel to its parent. */
export interface ParentChannel {
  post(message: unknown): void;
  onMessage(handler: (message: unknown) => void): void;
}

/** Inside a worker: the channel to the thread that started it (Node or browser). */
export async function connectParent(): Promise<ParentChannel> {
  if (isNode()) {
    const { parentPort } = await nodeImport<NodeWorkerThreads>('node:worker_threads');
    if (!parentPort) throw new Error('connectParent() called outside a worker');
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (handler) => parentPort.on('message', handler),
    };
  }
  const scope = globalThis as unknown as {
    postMessage(m: unknown): void;
    addEventListener(type: 'message', l: (e: MessageEvent) => void): void;
  };
  return {
    post: (m) => scope.postMessage(m),
    onMessage: (handler) => scope.addEventListener('message', (e) => handler(e.data)),
  };
}

/**
 * Inside a worker: answers each message from the parent with `handler`'s result as a
 * `WorkerReply`, one message at a time (the parent's `request` awaits it).
 */
export async function serveRequests<Req, Res>(handler: (request: Req) => Res | Promise<Res>): Promise<void> {
  const parent = await connectParent();
  let queue = Promise.resolve();
  parent.onMessage((message) => {
    queue = queue.then(async () => {
      let reply: WorkerReply<Res>;
      try {
        reply = { ok: true, value: await handler(message as Req) };
      } catch (e) {
        reply = { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      }
      parent.post(reply);
    });
  });
}


/**
 * A start line over shared memory: workers `arriveAndWait()`, the coordinating thread
 * awaits `allArrived(n)` and then `open()`s it, so that all parties start together
 * instead of one worker racing ahead while another is still starting.
 *
 * Layout: int32 [0] = arrivals, int32 [16] = open flag (64 bytes apart).
 */
export class StartGate {
  /** The shared memory of the gate; post it to the workers. */
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;

  /** A new, closed gate. */
  static create(): StartGate {
    return new StartGate(new SharedArrayBuffer(128));
  }

  /** Attaches to a gate created elsewhere. */
  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    this.cells = new Int32Array(buffer);
  }

  /** Worker side: counts this party in, then blocks until the gate opens. */
  arriveAndWait(): void {
    Atomics.add(this.cells, 0, 1);
    Atomics.notify(this.cells, 0);
    while (Atomics.load(this.cells, 16) === 0) Atomics.wait(this.cells, 16, 0);
  }

  /** Coordinator side: resolves once `parties` workers have arrived (never blocks the thread). */
  async allArrived(parties: number): Promise<void> {
    for (;;) {
      const arrived = Atomics.load(this.cells, 0);
      if (arrived >= parties) return;
      const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
      if (waitAsync) {
        const result = waitAsync(this.cells, 0, arrived, 1000);
        if (result.async) await result.value;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
  }

  /** Coordinator side: lets every waiting party go. */
  open(): void {
    Atomics.store(this.cells, 16, 1);
    Atomics.notify(this.cells, 16);
  }
}

/** Starts the worker at `url`, sends it one request, stops it, and returns the reply. */
export async function runInWorker<Req, Res>(url: URL, request: Req, options: StartWorkerOptions = {}): Promise<Res> {
  const worker = await startWorker(url, options);
  try {
    return await worker.request<Res>(request);
  } finally {
    await worker.terminate();
  }
}
