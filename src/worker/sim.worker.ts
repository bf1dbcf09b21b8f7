import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { createState, handle } from './handler';
import { QUERIES } from './queries';
import type { Request } from './protocol';

// elkjs runs in a worker of its own (elk-api spawns it from the unbundled elk-worker script): this worker
// stays small and starts simulating at once while elk's 1.6 MB loads on another thread, in parallel.
// elkjs claims `self.onmessage` in the worker it runs in (STACK trap 8); this shell uses addEventListener.
const state = createState(new ELK({ workerUrl: elkWorkerUrl }), QUERIES, () => performance.now());
self.addEventListener('message', (e: MessageEvent<Request>) => void handle(state, e.data).then((r) => self.postMessage(r)));
