import { createState, handle } from './handler';
import type { Request } from './protocol';

const state = createState(() => performance.now());
self.addEventListener('message', (e: MessageEvent<Request>) => self.postMessage(handle(state, e.data)));
