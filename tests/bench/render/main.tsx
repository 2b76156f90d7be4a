// The bench's rich-text page: renders a 10,000-node ADF description with the popup's renderer
// and styles, several times, and leaves the timings in window.__renderTimes (ms): `dom` when
// render() returned (nodes built, DOM created), `visible` after the next frame.
import { render } from 'preact';
import { RichText } from '../../../src/popup/rich-text';
import '../../../src/popup/style.css';
// @ts-expect-error: a plain .mjs module of the bench, without types
import { bigDoc, countNodes } from '../adf-doc.mjs';

const RUNS = 10;
const body = { adf: bigDoc(10_000) };
const app = document.getElementById('app') as HTMLElement;
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const times: { dom: number; visible: number }[] = [];

async function run() {
  for (let i = 0; i < RUNS; i++) {
    // A new body each time: RichText memoises on it.
    const fresh = { adf: structuredClone(body.adf) };
    const t0 = performance.now();
    render(<RichText body={fresh} siteUrl="https://acme.atlassian.net" headingOffset={3} />, app);
    const dom = performance.now() - t0;
    await frame();
    times.push({ dom, visible: performance.now() - t0 });
    render(null, app);
    await frame();
  }
  (window as unknown as { __renderNodes: number }).__renderNodes = countNodes(body.adf);
  (window as unknown as { __renderTimes: typeof times }).__renderTimes = times;
}

void run();
