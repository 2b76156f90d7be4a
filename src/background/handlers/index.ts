// The handler table: every request of src/shared/protocol, one entry each.
import type { HandlerTable } from '../router';
import { captureHandlers } from './capture';
import { connectionHandlers } from './connections';
import { detailsHandlers } from '../issues/details-handlers';
import { issueHandlers } from '../issues/handlers';
import { writeHandlers } from '../issues/write-handlers';

/** Every request's handler; createRouter (src/background/router.ts) dispatches to it. */
export const handlers: HandlerTable = { ...connectionHandlers, ...captureHandlers, ...issueHandlers, ...detailsHandlers, ...writeHandlers };
