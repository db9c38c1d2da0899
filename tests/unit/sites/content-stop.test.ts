// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_HOST_ATTR, removeBadgeHosts } from '@/lib/content/badge';
import { listenForPageCommands } from '@/lib/content/page-commands';
import { MAPPING_CHANGED } from '@/lib/content/picker/picker-message';

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

describe('a stopped site looks untouched (badges removed without a reload)', () => {
  it('removes every badge host in the page and in same-origin frames, and nothing else', () => {
    document.body.innerHTML = `<table><tr><td><a>Ann</a><span ${BADGE_HOST_ATTR}="a"></span></td></tr><tr><td><a>Bo</a><span ${BADGE_HOST_ATTR}="b"></span></td></tr></table>`;
    // A same-origin frame's document (happy-dom loads no frames here).
    const inner = document.implementation.createHTMLDocument('frame');
    const frame = document.createElement('iframe');
    Object.defineProperty(frame, 'contentDocument', { value: inner });
    document.body.append(frame);
    inner.body.innerHTML = `<p>Cy</p><span ${BADGE_HOST_ATTR}="c"></span>`;
    expect(removeBadgeHosts(document)).toBe(3);
    expect(document.querySelectorAll(`[${BADGE_HOST_ATTR}]`)).toHaveLength(0);
    expect(inner.querySelectorAll(`[${BADGE_HOST_ATTR}]`)).toHaveLength(0);
    expect(document.querySelectorAll('a')).toHaveLength(2);
    expect(inner.body.textContent).toBe('Cy');
  });
});

describe('page commands', () => {
  it('every frame re-asks scores after a mapping change, and answers; nothing after the script stops', async () => {
    const top = vi.fn();
    const child = vi.fn();
    const controller = new AbortController();
    listenForPageCommands(top, controller.signal);
    listenForPageCommands(child, controller.signal);
    const answers: unknown[] = [];
    await fakeBrowser.runtime.onMessage.trigger(MAPPING_CHANGED, {}, (answer: unknown) => answers.push(answer));
    expect(top).toHaveBeenCalledWith('mapping-changed');
    expect(child).toHaveBeenCalledWith('mapping-changed');
    expect(answers).toEqual([true, true]);
    // The picker is no longer a content-script command: it is injected on demand (lib/background/inject-page-tools.ts).
    await fakeBrowser.runtime.onMessage.trigger({ channel: 'churn-radar-page', type: 'start-picker' }, {}, () => undefined);
    expect(top).toHaveBeenCalledTimes(1);
    controller.abort();
    await fakeBrowser.runtime.onMessage.trigger(MAPPING_CHANGED, {}, () => undefined);
    expect(top).toHaveBeenCalledTimes(1);
  });
});
