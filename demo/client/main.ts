/**
 * Acme CRM — the browser side of the demo CRM: a small single-page app with
 * two spaces. Routes: /customers, /customers/:id (Telco) and /shoppers,
 * /shoppers/:id (CDNOW). Navigation uses history.pushState; link clicks are
 * intercepted; back/forward re-render. The shell keeps the header (nav, the
 * data date) and main[data-crm-today] in step with the route's space.
 */
import { DEFAULT_LOCALE, formatDataAsOf, HTML_LANG, parseLocale, UI, type Locale } from '../core/i18n';
import { parseListParams } from '../core/list-params';
import { SHOPPER_UI } from '../core/shopper-i18n';
import { parseShopperListParams } from '../core/shopper-list-params';
import { SPACE_PATH, SPACE_TODAY, SPACES, spaceOfPath, type Space } from '../core/spaces';
import type { App } from './app';
import { DetailView } from './detail-view';
import { h } from './dom';
import { ListView } from './list-view';
import { ShopperDetailView } from './shopper-detail-view';
import { ShopperListView } from './shopper-list-view';

const LOCALE_KEY = 'acme-crm.lang';
const LIST_HREF_KEY: Record<Space, string> = { customers: 'acme-crm.list-href', shoppers: 'acme-crm.shoppers-list-href' };

type Route = { kind: 'list' | 'detail'; space: Space; id: string } | { kind: 'missing' };

function routeOf(location: Location): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const space = spaceOfPath(path);
  if (space === null) return { kind: 'missing' };
  if (path === '/' || path === SPACE_PATH[space]) return { kind: 'list', space, id: '' };
  const match = /^\/[a-z]+\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    try {
      return { kind: 'detail', space, id: decodeURIComponent(match[1]) };
    } catch {
      return { kind: 'missing' };
    }
  }
  return { kind: 'missing' };
}

type View = ListView | ShopperListView | DetailView | ShopperDetailView;

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
  private view: View | null = null;
  private viewLocale: Locale | null = null;
  private readonly main: HTMLElement;
  private readonly langSelect: HTMLSelectElement;
  private readonly asOf: HTMLTimeElement;
  private readonly listHrefs = Object.fromEntries(
    SPACES.map((space) => [space, storageGet(() => sessionStorage, LIST_HREF_KEY[space]) ?? SPACE_PATH[space]]),
  ) as Record<Space, string>;

  constructor() {
    this.locale = localeFromUrl() ?? parseLocale(storageGet(() => localStorage, LOCALE_KEY)) ?? DEFAULT_LOCALE;
    storageSet(() => localStorage, LOCALE_KEY, this.locale);
    const main = document.getElementById('app');
    const select = document.getElementById('lang');
    if (!main || !(select instanceof HTMLSelectElement)) throw new Error('Acme CRM: page shell is missing #app or #lang');
    this.main = main;
    this.langSelect = select;
    this.asOf = h('time', { className: 'as-of' });
    select.before(this.asOf);
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

  lastListHref(space: Space = 'customers'): string {
    return this.listHrefs[space];
  }

  rememberListHref(href: string, space: Space = 'customers'): void {
    this.listHrefs[space] = href;
    storageSet(() => sessionStorage, LIST_HREF_KEY[space], href);
  }

  render(): void {
    const fromUrl = localeFromUrl();
    if (fromUrl && fromUrl !== this.locale) {
      this.locale = fromUrl;
      storageSet(() => localStorage, LOCALE_KEY, fromUrl);
    }
    const route = routeOf(location);
    this.renderChrome(route.kind === 'missing' ? null : route.space);
    const t = UI[this.locale];
    const fresh = this.viewLocale !== this.locale;
    if (route.kind === 'list' && route.space === 'customers') {
      if (!(this.view instanceof ListView) || fresh) this.mount(new ListView(this));
      document.title = `${t.customersTitle} · ${t.appName}`;
      void (this.view as ListView).show(parseListParams(location.search));
    } else if (route.kind === 'list') {
      if (!(this.view instanceof ShopperListView) || fresh) this.mount(new ShopperListView(this));
      document.title = `${SHOPPER_UI[this.locale].title} · ${t.appName}`;
      void (this.view as ShopperListView).show(parseShopperListParams(location.search));
    } else if (route.kind === 'detail') {
      const view = route.space === 'customers' ? new DetailView(this, route.id) : new ShopperDetailView(this, route.id);
      this.mount(view);
      document.title = t.appName;
      void view.show();
    } else {
      this.mount(null);
      document.title = `${t.pageNotFoundTitle} · ${t.appName}`;
      this.main.replaceChildren(h('section', { className: 'page not-found' }, h('h1', {}, t.pageNotFoundTitle), h('a', { href: '/customers' }, t.backToList)));
    }
  }

  private mount(view: View | null): void {
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

  /** Header texts, the active nav link and the data date of the route's space (none on an unknown page). */
  private renderChrome(space: Space | null): void {
    const t = UI[this.locale];
    document.documentElement.lang = HTML_LANG[this.locale];
    this.langSelect.value = this.locale;
    this.langSelect.setAttribute('aria-label', t.language);
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const key = el.dataset.i18n;
      if (key === 'appName' || key === 'navCustomers' || key === 'navShoppers') el.textContent = t[key];
      if (key === 'navLabel') el.setAttribute('aria-label', t.navLabel);
    }
    for (const link of document.querySelectorAll<HTMLElement>('.nav a[data-space]')) {
      const active = link.dataset.space === space;
      link.classList.toggle('active', active);
      if (active) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (space === null) {
      this.main.removeAttribute('data-crm-today');
      this.asOf.hidden = true;
    } else {
      const today = SPACE_TODAY[space];
      this.main.setAttribute('data-crm-today', today);
      this.asOf.dateTime = today;
      this.asOf.textContent = formatDataAsOf(today, this.locale);
      this.asOf.hidden = false;
    }
  }

  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target;
    const link = target instanceof Element ? target.closest('a') : null;
    if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || spaceOfPath(url.pathname) === null) return;
    event.preventDefault();
    if (url.pathname + url.search === location.pathname + location.search) return;
    this.navigate(url.pathname + url.search);
  }
}

new Shell().render();
