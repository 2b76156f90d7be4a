// What differs between the browsers for the background's requests to Jira.
import browser from 'webextension-polyfill';

/**
 * True in Firefox: it sends its moz-extension:// Origin and its browser User-Agent on the
 * extension's POSTs, which Jira's XSRF rule refuses (docs/browsers.md#origin-header). Reads that
 * could be POSTs (a count, a long search) go as GETs there, or are refused with a message.
 */
export function postsMeetXsrf(): boolean {
  return browser.runtime.getURL('').startsWith('moz-extension:');
}
