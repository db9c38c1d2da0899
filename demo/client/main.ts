/**
 * Acme CRM — the browser side of the demo CRM: a small single-page app.
 * Routes: /customers (list) and /customers/:id (detail). Navigation uses
 * history.pushState; link clicks are intercepted; back/forward re-render.
 */
import { DEFAULT_LOCALE, HTML_LANG, parseLocale, UI, type Locale } from '../core/i18n';
import { parseListParams, type ListParams } from '../core/list-params';
import type { App } from './app';
import { DetailView } from './detail-view';
import { h } from './dom';
import { ListView } from './list-view';

const LOCALE_KEY = 'acme-crm.lang';
const LIST_HREF_KEY = 'acme-crm.list-href';

type Route = { kind: 'list'; params: ListParams } | { kind: 'detail'; id: string } | { kind: 'missing' };

function routeOf(location: Location): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/customers') return { kind: 'list', params: parseListParams(location.search) };
  const match = /^\/customers\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    try {
      return { kind: 'detail', id: decodeURIComponent(match[1]) };
    } catch {
      return { kind: 'missing' };
    }
  }
  return { kind: 'missing' };
}

function storageGet(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function storageSet(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // storage unavailable (private mode, sandbox): state stays in memory
  }
}

/** ?lang= overrides (and is remembered); then localStorage; then English. */
function localeFromUrl(): Locale | null {
  return parseLocale(new URLSearchParams(location.search).get('lang'));
}

class Shell implements App {
  locale: Locale;
  private view: ListView | DetailView | null = null;
  private viewLocale: Locale | null = null;
  private readonly main: HTMLElement;
  private readonly langSelect: HTMLSelectElement;
  private listHref = storageGet(() => sessionStorage, LIST_HREF_KEY) ?? '/customers';

  constructor() {
    this.locale = localeFromUrl() ?? parseLocale(storageGet(() => localStorage, LOCALE_KEY)) ?? DEFAULT_LOCALE;
    storageSet(() => localStorage, LOCALE_KEY, this.locale);
    const main = document.getElementById('app');
    const select = document.getElementById('lang');
    if (!main || !(select instanceof HTMLSelectElement)) throw new Error('Acme CRM: page shell is missing #app or #lang');
    this.main = main;
    this.langSelect = select;
    this.langSelect.addEventListener('change', () => this.setLocale(parseLocale(this.langSelect.value) ?? DEFAULT_LOCALE));
    document.addEventListener('click', (event) => this.onClick(event));
    window.addEventListener('popstate', () => this.render());
  }

  navigate(href: string, options: { replace?: boolean } = {}): void {
    if (options.replace) history.replaceState(null, '', href);
    else {
      history.pushState(null, '', href);
      window.scrollTo(0, 0);
    }
    this.render();
  }

  replaceUrl(href: string): void {
    history.replaceState(null, '', href);
  }

  lastListHref(): string {
    return this.listHref;
  }

  rememberListHref(href: string): void {
    this.listHref = href;
    storageSet(() => sessionStorage, LIST_HREF_KEY, href);
  }

  render(): void {
    const fromUrl = localeFromUrl();
    if (fromUrl && fromUrl !== this.locale) {
      this.locale = fromUrl;
      storageSet(() => localStorage, LOCALE_KEY, fromUrl);
    }
    this.renderChrome();
    const route = routeOf(location);
    const t = UI[this.locale];
    if (route.kind === 'list') {
      if (!(this.view instanceof ListView) || this.viewLocale !== this.locale) {
        this.mount(new ListView(this));
      }
      document.title = `${t.customersTitle} · ${t.appName}`;
      void (this.view as ListView).show(route.params);
    } else if (route.kind === 'detail') {
      const view = new DetailView(this, route.id);
      this.mount(view);
      document.title = t.appName;
      void view.show();
    } else {
      this.mount(null);
      document.title = `${t.pageNotFoundTitle} · ${t.appName}`;
      this.main.replaceChildren(
        h('section', { className: 'page not-found' }, h('h1', {}, t.pageNotFoundTitle), h('a', { href: '/customers' }, t.backToList)),
      );
    }
  }

  private mount(view: ListView | DetailView | null): void {
    this.view?.destroy();
    this.view = view;
    this.viewLocale = this.locale;
    if (view) this.main.replaceChildren(view.root);
  }

  private setLocale(locale: Locale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    storageSet(() => localStorage, LOCALE_KEY, locale);
    const url = new URL(location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', locale);
      history.replaceState(null, '', url.pathname + url.search);
    }
    this.render();
  }

  private renderChrome(): void {
    const t = UI[this.locale];
    document.documentElement.lang = HTML_LANG[this.locale];
    this.langSelect.value = this.locale;
    this.langSelect.setAttribute('aria-label', t.language);
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const key = el.dataset.i18n;
      if (key === 'appName' || key === 'navCustomers') el.textContent = t[key];
      if (key === 'navLabel') el.setAttribute('aria-label', t.navLabel);
    }
  }

  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target;
    const link = target instanceof Element ? target.closest('a') : null;
    if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !(url.pathname === '/' || url.pathname.startsWith('/customers'))) return;
    event.preventDefault();
    if (url.pathname + url.search === location.pathname + location.search) return;
    this.navigate(url.pathname + url.search);
  }
}

new Shell().render();
