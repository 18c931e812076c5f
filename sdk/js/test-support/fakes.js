// Hand-written fakes of the browser globals the SDK uses, installed on globalThis by each test.

/** An in-memory IndexedDB with just the surface the SDK uses. */
export class FakeIndexedDB {
  constructor() {
    /** @type {Map<string, Map<string, Map<string, unknown>>>} database → store → key → value */
    this.databases = new Map();
    this.failOpen = false;
  }

  open(name) {
    const request = { result: undefined, error: null, onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null };
    setTimeout(() => {
      if (this.failOpen) {
        request.error = new Error("open failed");
        request.onerror?.();
        return;
      }
      const isNew = !this.databases.has(name);
      if (isNew) this.databases.set(name, new Map());
      const stores = this.databases.get(name);
      request.result = new FakeDatabase(stores);
      if (isNew) request.onupgradeneeded?.();
      request.onsuccess?.();
    });
    return request;
  }

  /** @returns {unknown[]} every stored value of one store */
  dump(database, store) {
    return [...(this.databases.get(database)?.get(store)?.values() ?? [])];
  }
}

class FakeDatabase {
  constructor(stores) {
    this.stores = stores;
    this.objectStoreNames = { contains: (n) => stores.has(n) };
  }

  createObjectStore(name, { keyPath }) {
    this.stores.set(name, new Map());
    this.keyPaths = { ...this.keyPaths, [name]: keyPath };
  }

  transaction(name) {
    const data = this.stores.get(name);
    const tx = { oncomplete: null, onerror: null, onabort: null, error: null };
    // As in IndexedDB, the transaction completes once no request is pending, so a request made
    // in another's onsuccess belongs to the same transaction.
    let pending = 0;
    let completed = false;
    const request = (fn) => {
      const r = { result: undefined, error: null, onsuccess: null, onerror: null };
      pending++;
      setTimeout(() => {
        r.result = fn();
        r.onsuccess?.();
        pending--;
        setTimeout(() => {
          if (pending === 0 && !completed) {
            completed = true;
            tx.oncomplete?.();
          }
        });
      });
      return r;
    };
    tx.objectStore = () => ({
      put: (value) => request(() => { data.set(value.id, structuredClone(value)); return value.id; }),
      get: (key) => request(() => structuredClone(data.get(key))),
      getAll: () => request(() => [...data.values()].map((v) => structuredClone(v))),
      delete: (key) => request(() => { data.delete(key); return undefined; }),
    });
    return tx;
  }

  close() {}
}

/** A fetch that answers from a handler and records every call. */
export function fakeFetch(handler) {
  const calls = [];
  const fetch = async (url, init) => {
    const call = { url: String(url), init, body: init?.body ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const answer = await handler(call);
    if (answer instanceof Error) throw answer;
    const { status = 200, body } = answer;
    const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
    return {
      ok: status >= 200 && status < 300,
      status,
      text: async () => text,
    };
  };
  fetch.calls = calls;
  return fetch;
}

/** Sets globals for one test and returns a function that restores them. */
export function installGlobals(values) {
  const saved = {};
  for (const [name, value] of Object.entries(values)) {
    saved[name] = Object.getOwnPropertyDescriptor(globalThis, name);
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  return () => {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete globalThis[name];
    }
  };
}

/** A DOMException-like error as navigator.credentials.create throws them. */
export function domError(name, message = name) {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A minimal CBOR decoder (the subset the SDK writes), to check its output independently. */
export function cborDecode(bytes) {
  let offset = 0;
  const readLength = (info) => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (!size) throw new Error(`unsupported additional info ${info}`);
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + bytes[offset++];
    return n;
  };
  const item = () => {
    const initial = bytes[offset++];
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 7) return { 20: false, 21: true, 22: null }[info];
    const n = readLength(info);
    switch (major) {
      case 0: return n;
      case 1: return -1 - n;
      case 2: { const b = bytes.slice(offset, offset + n); offset += n; return b; }
      case 3: { const t = new TextDecoder().decode(bytes.slice(offset, offset + n)); offset += n; return t; }
      case 4: return Array.from({ length: n }, item);
      case 5: { const m = new Map(); for (let i = 0; i < n; i++) { const k = item(); m.set(k, item()); } return m; }
      default: throw new Error(`unsupported major type ${major}`);
    }
  };
  const value = item();
  if (offset !== bytes.length) throw new Error("trailing bytes");
  return value;
}
