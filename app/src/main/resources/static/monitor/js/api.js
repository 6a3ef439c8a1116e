// Every data call goes to the app's API with the key the user entered, or the local development
// key the app offers on loopback (kept in sessionStorage, this tab only). A 401 asks for the key
// again; other errors carry the problem document.

const STORAGE_KEY = 'fulfillment.monitor.apiKey';
let askForKey = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function onUnauthorized(callback) {
  askForKey = callback;
}

export function apiKey() {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(STORAGE_KEY, key);
  } else {
    sessionStorage.removeItem(STORAGE_KEY);
  }
}

/**
 * The key the page may use without asking: the built-in local development key, which the app
 * hands out only on loopback with its default keys (GET /monitor/access, open). Null otherwise,
 * and when the app does not answer: then the dialog asks as before.
 */
export async function localDefaultKey() {
  try {
    const response = await fetch('/monitor/access', {
      headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'omit',
    });
    if (!response.ok) return null;
    const answer = await response.json();
    return typeof answer.localDefaultKey === 'string' && answer.localDefaultKey ? answer.localDefaultKey : null;
  } catch {
    return null;
  }
}

/**
 * Calls the API. Options: method, json (a body sent as JSON), body + contentType, headers,
 * etag (sent as If-None-Match: the answer is {notModified: true} on 304), text (read as text).
 */
export async function api(path, options = {}) {
  const key = apiKey();
  if (!key) {
    askForKey();
    throw new ApiError(401, { title: 'No API key' });
  }
  const headers = { 'X-API-Key': key, Accept: 'application/json', ...(options.headers || {}) };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] = 'application/json';
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  if (options.etag) {
    headers['If-None-Match'] = options.etag;
  }
  if (options.text) {
    headers.Accept = 'application/xml, application/problem+json';
  }
  const response = await fetch(path, {
    method: options.method || 'GET', headers, body, cache: 'no-store', credentials: 'omit',
  });
  if (response.status === 304) {
    return { notModified: true };
  }
  if (response.status === 401) {
    setApiKey(null);
    askForKey('The key was not accepted.');
    throw new ApiError(401, await problemOf(response));
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  if (options.text) {
    return response.text();
  }
  const data = response.status === 204 ? null : await response.json();
  if (options.withEtag) {
    return { data, etag: response.headers.get('ETag') };
  }
  return data;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: `HTTP ${response.status}` };
  }
}

export function uuid() {
  if (globalThis.crypto && crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
