/**
 * The little of the DOM that page functions (run in the browser by page.evaluate and friends) use, typed
 * without the DOM lib: the repo's tsconfig is for Node and should not pretend `document` exists there.
 * Inside a page function: `const { document } = globalThis as unknown as PageGlobals;`.
 */
export interface DomRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export interface DomElement {
  tagName: string;
  className: unknown;
  textContent: string | null;
  isConnected: boolean;
  parentElement: DomElement | null;
  dataset: Record<string, string | undefined>;
  clientWidth: number;
  scrollWidth: number;
  scrollHeight: number;
  getBoundingClientRect(): DomRect;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>;
}

export interface PageGlobals {
  document: {
    documentElement: DomElement;
    body: DomElement;
    querySelector(selector: string): DomElement | null;
    querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>;
  };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  getComputedStyle(element: DomElement): { backgroundColor: string; overflowX: string };
}
