/**
 * How the page talks to its demo backend in a worker (demo-worker.ts). The backend's code, its seed
 * (about 7,000 runs) and every answer are computed off the page's main thread, so the app renders
 * while the backend starts instead of after it. Two ends over one message port:
 * - `connectDemoBackend` (the page): a `fetch` that sends each request to the worker (at once: the
 *   worker answers in order once it has started) and rebuilds its answer as a Response; what no
 *   handler matches goes to the network; aborts end the call at once (a late answer is dropped).
 * - `serveDemoBackend` (the worker): answers with the backend it creates (createDemoBackend).
 * Storage stays in the page (workers have no localStorage): the worker starts from the page's slots
 * and reports each write back; the page forwards what other tabs write (their `storage` events), so
 * every tab of the origin still shares one backend.
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
  | { kind: 'slot'; key: string; value: string | null }
  | { kind: 'reset' };

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
  | { kind: 'slot'; key: string; value: string | null };

/** Responses with these statuses cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface DemoConnection {
  /**
   * The fetch the API modules send through in demo mode (transport.ts `setPlatformFetch`). Usable at
   * once: the worker answers in order, once it has started.
   */
  fetch: typeof fetch;
  /** Settles when the backend has started (it can answer), or rejects when it cannot start. */
  ready: Promise<void>;
  /** Reseeds the backend, dropping every edit (in every tab). */
  reset(): void;
  /**
   * Tells the backend that storage changed outside it (another tab, this page): the slot under
   * `key`, or every slot when `key` is null (storage was cleared).
   */
  storageChanged(key: string | null): void;
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

export function connectDemoBackend(
  port: ChannelPort,
  { actor, storage, network, failed }: ConnectOptions,
): DemoConnection {
  const slots = new Map(
    DEMO_STORAGE_KEYS.map((key) => [key, createLocalStoragePersistence(key, storage)]),
  );
  const calls = new Map<number, (message: WorkerMessage) => void>();
  let nextId = 1;
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
  // A call waiting when the backend cannot start, or asked after, fails like the network.
  const down = ready.then(
    () => new Promise<never>(() => undefined),
    (error: unknown) => {
      throw new TypeError(`The demo backend is not running (${(error as Error).message})`);
    },
  );
  down.catch(() => undefined);

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
        if (data.value === null) slot?.clear();
        else slot?.write(data.value);
        return;
      }
      default:
        calls.get(data.id)?.(data);
    }
  });
  port.start?.();
  send({
    kind: 'start',
    actor,
    slots: Object.fromEntries([...slots].map(([key, slot]) => [key, slot.read()])),
  });

  return {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const { signal } = request;
      signal.throwIfAborted();
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
      const id = nextId++;
      const reply = new Promise<WorkerMessage>((resolve) => calls.set(id, resolve));
      send(
        {
          kind: 'request',
          id,
          url: request.url,
          method: request.method,
          headers: [...request.headers],
          body,
        },
        body ? [body] : [],
      );
      const message = await untilAborted(Promise.race([reply, down]), signal).finally(() =>
        calls.delete(id),
      );
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
    reset: () => send({ kind: 'reset' }),
    storageChanged: (key) => {
      for (const [slotKey, slot] of slots) {
        if (key === null || key === slotKey) {
          send({ kind: 'slot', key: slotKey, value: slot.read() });
        }
      }
    },
  };
}

/** The call's answer, or the signal's reason as soon as it aborts (a timeout, a caller abort). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
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
  const send = (message: WorkerMessage, transfer: Transferable[] = []) =>
    port.postMessage(message, transfer);
  // A slot the backend reads from memory (the page's latest value) and writes through to the page.
  const slot = (key: string): Persistence => ({
    read: () => values.get(key) ?? null,
    write: (value) => {
      values.set(key, value);
      send({ kind: 'slot', key, value });
    },
    clear: () => {
      values.set(key, null);
      send({ kind: 'slot', key, value: null });
    },
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
        values.set(data.key, data.value);
        return;
      case 'reset':
        backend?.reset();
    }
  });
  port.start?.();
}
