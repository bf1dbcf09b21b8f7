import { createState, handle } from './handler';
import { QUERIES } from './queries';
import type { Request } from './protocol';

const state = createState(QUERIES, () => performance.now());
self.addEventListener('message', (e: MessageEvent<Request>) => self.postMessage(handle(state, e.data)));
