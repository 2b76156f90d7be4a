// Rich text of Jira issues (descriptions, comments) as Preact nodes, safe for untrusted content.
export { RichText, type RichBody, type RichTextProps } from './rich-text';
export { adfToNodes } from './adf';
export { htmlToNodes } from './html';
export { safeHref } from './links';
export type { RenderOptions } from './context';
