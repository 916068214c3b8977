/**
 * How the page talks to its demo backend in a worker (demo-worker.ts). The backend's code, its seed
 * (about 7,000 runs) and every answer are computed off the page's main thread, so the app renders
 * while the backend starts instead of after it. Two ends over one message port:
 * - `connectDemoBackend` (the page): a `fetch` that sends each request to the worker at once (the
 *   worker takes them in order once it has started) and rebuilds its answer as a Response; what no
 *   handler matches goes to the network; aborts end the call at once (a late answer is dropped).
 * - `serveDemoBackend` (the worker): answers with the backend it creates (createDemoBackend).
 *
 * Storage stays in the page (workers have no localStorage), and localStorage stays the one truth
 * every tab of the origin shares:
 * - the worker starts from the page's slots and reports each write back, numbered per slot;
 * - before each request the page sends every slot that differs from what the worker last had
 *   (another tab's edit or reset, this page's fault switch, a page back from the back/forward cache),
 *   as the in-page backend re-read storage before every call;
 * - a slot the page sends is ignored when the worker has written that slot since (its write is on
 *   its way to storage, where it lands last), so a tab never works from data storage no longer has.
 */
import type { DemoBackend, DemoBackendOptions } from './demo-backend';
import { createLocalStoragePersistence, DEMO_STORAGE_KEYS, type Persistence } from './persistence';

/** A Worker, the worker's global scope, or a MessagePort (tests). */
export interface ChannelPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?: () => void;
}

type Slots = Record<string, string | null>;
type Headers = Array<[string, string]>;

type PageMessage =
  | { kind: 'start'; actor: string; slots: Slots }
  | {
      kind: 'request';
      id: number;
      url: string;
      method: string;
      headers: Headers;
      body: ArrayBuffer | null;
    }
  /** `seen`: the number of the worker's last write to this slot that the page had stored. */
  | { kind: 'slot'; key: string; value: string | null; seen: number }
  | { kind: 'reset'; id: number };

type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'startFailed'; message: string }
  | {
      kind: 'answer';
      id: number;
      status: number;
      statusText: string;
      headers: Headers;
      body: ArrayBuffer | null;
    }
  | { kind: 'unmatched'; id: number }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'resetDone'; id: number }
  /** The worker's `write`th write to this slot. */
  | { kind: 'slot'; key: string; value: string | null; write: number };

type Reply = Extract<WorkerMessage, { id: number }>;

/** Responses with these statuses cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface DemoConnection {
  /**
   * The fetch the API modules send through in demo mode (transport.ts `setPlatformFetch`). Usable at
   * once: the worker takes requests in order once it has started.
   */
  fetch: typeof fetch;
  /** Settles when the backend has started (it can answer), or rejects when it cannot start. */
  ready: Promise<void>;
  /** Reseeds the backend, dropping every edit (in every tab); settles once storage has the seed. */
  reset(): Promise<void>;
}

export interface ConnectOptions {
  actor: string;
  /** Where the slots live: localStorage in the browser. */
  storage: Storage;
  /** Where requests no handler matches go. */
  network: typeof fetch;
  /** Rejects if the worker's script cannot load or run: no answer would ever come. */
  failed: Promise<never>;
}

interface PageSlot {
  storage: Persistence;
  /** The value the worker has (as far as the page knows). */
  known: string | null;
  /** The number of the worker's last write stored here. */
  stored: number;
}

export function connectDemoBackend(
  port: ChannelPort,
  { actor, storage, network, failed }: ConnectOptions,
): DemoConnection {
  const slots = new Map<string, PageSlot>(
    DEMO_STORAGE_KEYS.map((key) => {
      const slot = createLocalStoragePersistence(key, storage);
      return [key, { storage: slot, known: slot.read(), stored: 0 }];
    }),
  );
  const calls = new Map<number, { resolve: (reply: Reply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  /** Why the backend is not running, once that is known: every call fails from then on. */
  let down: Error | undefined;
  const send = (message: PageMessage, transfer: Transferable[] = []) =>
    port.postMessage(message, transfer);

  let started: () => void = () => undefined;
  let notStarted: (error: Error) => void = () => undefined;
  const ready = Promise.race([
    new Promise<void>((resolve, reject) => {
      started = resolve;
      notStarted = reject;
    }),
    failed,
  ]);
  ready.catch((error: unknown) => {
    // As the network fails: the transport reports a network error the page can retry.
    down = new TypeError(`The demo backend is not running (${(error as Error).message})`);
    for (const call of calls.values()) call.reject(down);
    calls.clear();
  });

  /** Sends the worker each slot storage has changed since it last had it. */
  const catchUp = () => {
    for (const [key, slot] of slots) {
      const value = slot.storage.read();
      if (value === slot.known) continue;
      slot.known = value;
      send({ kind: 'slot', key, value, seen: slot.stored });
    }
  };

  /** One call: `message` with a fresh id; resolves with the worker's reply to it. */
  const call = (message: (id: number) => PageMessage, transfer: Transferable[] = []) => {
    if (down) return Promise.reject(down);
    const id = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      calls.set(id, { resolve, reject });
      send(message(id), transfer);
    });
  };

  port.addEventListener('message', ({ data }: MessageEvent<WorkerMessage>) => {
    switch (data.kind) {
      case 'ready':
        started();
        return;
      case 'startFailed':
        notStarted(new Error(data.message));
        return;
      case 'slot': {
        const slot = slots.get(data.key);
        if (!slot) return;
        if (data.value === null) slot.storage.clear();
        else slot.storage.write(data.value);
        slot.known = data.value;
        slot.stored = data.write;
        return;
      }
      default:
        calls.get(data.id)?.resolve(data);
        calls.delete(data.id);
    }
  });
  port.start?.();
  send({
    kind: 'start',
    actor,
    slots: Object.fromEntries([...slots].map(([key, slot]) => [key, slot.known])),
  });

  return {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const { signal } = request;
      signal.throwIfAborted();
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
      signal.throwIfAborted();
      catchUp();
      let id = 0;
      const reply = call(
        (callId) => {
          id = callId;
          return {
            kind: 'request',
            id: callId,
            url: request.url,
            method: request.method,
            headers: [...request.headers],
            body,
          };
        },
        body ? [body] : [],
      );
      const message = await untilAborted(reply, signal).finally(() => calls.delete(id));
      switch (message.kind) {
        case 'answer':
          return new Response(NULL_BODY_STATUSES.has(message.status) ? null : message.body, {
            status: message.status,
            statusText: message.statusText,
            headers: message.headers,
          });
        case 'unmatched':
          return network(input, init);
        default:
          // As the network fails: the transport reports a network error the page can retry.
          throw new TypeError(
            `The demo backend failed: ${message.kind === 'failed' ? message.message : message.kind}`,
          );
      }
    },
    ready,
    reset: async () => {
      await call((id) => ({ kind: 'reset', id }));
    },
  };
}

/** The call's answer, or the signal's reason as soon as it aborts (a timeout, a caller abort). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The worker's end: starts the backend on the page's `start` and answers its requests. */
export function serveDemoBackend(
  port: ChannelPort,
  create: (options: DemoBackendOptions) => DemoBackend,
): void {
  const values = new Map<string, string | null>();
  /** How many times the backend has written each slot. */
  const writes = new Map<string, number>();
  const send = (message: WorkerMessage, transfer: Transferable[] = []) =>
    port.postMessage(message, transfer);
  const written = (key: string, value: string | null) => {
    const write = (writes.get(key) ?? 0) + 1;
    writes.set(key, write);
    values.set(key, value);
    send({ kind: 'slot', key, value, write });
  };
  // A slot the backend reads from memory (the page's latest value) and writes through to the page.
  const slot = (key: string): Persistence => ({
    read: () => values.get(key) ?? null,
    write: (value) => written(key, value),
    clear: () => written(key, null),
  });
  let backend: DemoBackend | undefined;

  const answer = async (message: Extract<PageMessage, { kind: 'request' }>) => {
    const { id, url, method, headers, body } = message;
    if (!backend) {
      // It failed to start (the page has been told): no answers.
      send({ kind: 'failed', id, message: 'the demo backend did not start' });
      return;
    }
    try {
      const response = await backend.answer(new Request(url, { method, headers, body }));
      if (!response) {
        send({ kind: 'unmatched', id });
        return;
      }
      const payload = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      send(
        {
          kind: 'answer',
          id,
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: payload,
        },
        payload ? [payload] : [],
      );
    } catch (error) {
      send({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    }
  };

  port.addEventListener('message', ({ data }: MessageEvent<PageMessage>) => {
    switch (data.kind) {
      case 'start':
        for (const [key, value] of Object.entries(data.slots)) values.set(key, value);
        try {
          backend = create({ actor: data.actor, storage: slot });
          send({ kind: 'ready' });
        } catch (error) {
          send({
            kind: 'startFailed',
            message: error instanceof Error ? error.message : String(error),
          });
        }
        return;
      case 'request':
        void answer(data);
        return;
      case 'slot':
        // Written here since the page stored what it sends: that newer write lands in storage last.
        if ((writes.get(data.key) ?? 0) > data.seen) return;
        values.set(data.key, data.value);
        return;
      case 'reset':
        backend?.reset();
        // After the reset's slot writes, so the page has stored the seed when it hears this.
        send({ kind: 'resetDone', id: data.id });
    }
  });
  port.start?.();
}
