// The handler table: every request of src/shared/protocol, one entry each.
import type { HandlerTable } from '../router';
import { captureHandlers } from './capture';
import { connectionHandlers } from './connections';
import { issueHandlers } from '../issues/handlers';

export const handlers: HandlerTable = { ...connectionHandlers, ...captureHandlers, ...issueHandlers };
