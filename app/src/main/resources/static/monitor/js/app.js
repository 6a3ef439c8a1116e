// The monitor page: overview with live counts, orders, one order's path, incidents.
import {
  api, apiKey, setApiKey, onUnauthorized, ApiError, uuid, localDefaultKey,
} from './api.js';
import { Diagram } from './diagram.js';
import {
  el, money, time, dateTime, statusBadge, STATUS_LABELS, TERMINAL, KIND_LABELS,
} from './format.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 1000;
const ANNOUNCE_MS = 15000;

// Content-Security-Policy violations are collected (the browser test asserts there are none).
const cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
window.fmMonitor = { cspViolations };

const state = {
  started: false,
  models: [],
  basis: null,
  operateUrl: null,
  snapshot: null,
  etag: null,
  view: null,
  overviewProcess: null,
  ordersStatus: '',
  ordersPage: 0,
  orderId: null,
  orderProcess: null,
  order: null,
  retried: new Set(),
  lastAnnounce: 0,
  localKey: null, // the local development key the app offers (loopback, built-in keys only)
  versions: null, // GET /api/processes: the deployed versions of each process
  versionsJson: '',
};
const diagrams = {};
let pollTimer = null;
let orderLoad = null;

/* ---------- API key ---------- */

const dialog = $('key-dialog');

function askForKey(message) {
  showKeyNote(); // hidden once a 401 dropped the local key
  $('key-error').textContent = message || '';
  if (!dialog.open) {
    dialog.showModal();
  }
  $('key-input').focus();
}

onUnauthorized(askForKey);

dialog.addEventListener('cancel', (e) => {
  if (!apiKey()) e.preventDefault(); // nothing works without a key
});

$('key-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const key = $('key-input').value.trim();
  if (!key) {
    $('key-error').textContent = 'Enter a key.';
    return;
  }
  setApiKey(key);
  $('key-submit').disabled = true;
  try {
    await loadModels();
    $('key-input').value = '';
    dialog.close();
    showKeyNote();
    if (!state.started) {
      await start();
    } else {
      poll();
    }
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) {
      $('key-error').textContent = `The app did not answer: ${err.message}`;
    }
  } finally {
    $('key-submit').disabled = false;
  }
});

$('change-key').addEventListener('click', () => askForKey(''));

/** The note under the top bar while the page uses the local development key. */
function showKeyNote() {
  $('key-note').hidden = !state.localKey || apiKey() !== state.localKey;
}

/* ---------- toast ---------- */

let toastTimer = null;
function toast(message, isError = false) {
  const t = $('toast');
  t.textContent = message;
  t.classList.toggle('error', isError);
  t.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => t.classList.remove('show'), isError ? 8000 : 4000);
}

function problemText(err) {
  if (err instanceof ApiError) {
    const p = err.problem || {};
    const fields = (p.errors || []).map((f) => `${f.field}: ${f.message}`).join('; ');
    return `${p.title || 'Error'} (${err.status}): ${p.detail || ''}${fields ? ` ${fields}` : ''}`;
  }
  return err.message;
}

/* ---------- start, live updates ---------- */

async function loadModels() {
  const answer = await api('/api/monitor/models');
  state.models = answer.models;
  state.basis = answer.basis;
  state.operateUrl = answer.operateUrl;
  const note = $('basis-note');
  if (state.basis === 'WORKER_EVENTS') {
    note.replaceChildren(
      'Remote engine: the counts and paths come from what the job workers saw (completed jobs,'
        + ' BPMN errors, retries, jobs that gave up). Wait states, instance counts and process'
        + ' variables are not visible here, and incidents cannot be retried from this page. ',
      state.operateUrl ? el('a', { href: state.operateUrl, target: '_blank', rel: 'noopener', text: 'Open Operate' }) : 'Use Operate for the full picture.',
    );
    note.hidden = false;
  } else {
    note.hidden = true;
  }
}

async function start() {
  state.started = true;
  state.overviewProcess = state.overviewProcess || state.models[0]?.processId;
  await route();
  poll();
}

function setLive(mode, text) {
  $('live').dataset.state = mode;
  $('live-text').textContent = text;
}

async function poll() {
  clearTimeout(pollTimer);
  if (!apiKey()) return;
  if (document.hidden) {
    pollTimer = setTimeout(poll, POLL_MS);
    return;
  }
  try {
    // the versions change without the counts (a deployment): fetched alongside, rendered apart
    const [answer, versions] = await Promise.all([
      api('/api/monitor/stats', { etag: state.etag, withEtag: true }),
      api('/api/processes').catch(() => null),
    ]);
    setLive('on', state.basis === 'WORKER_EVENTS' ? 'live · worker events' : 'live');
    if (!answer.notModified) {
      state.snapshot = answer.data;
      state.etag = answer.etag;
      await onSnapshot();
    }
    onVersions(versions);
  } catch (err) {
    setLive('error', err instanceof ApiError && err.status === 401 ? 'no key' : 'disconnected');
    if (err instanceof ApiError && err.status === 401) return; // resumes after the key dialog
  }
  pollTimer = setTimeout(poll, POLL_MS);
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && state.started) poll();
});

async function onSnapshot() {
  const s = state.snapshot;
  const n = s.incidents.length;
  const badge = $('nav-incidents');
  badge.hidden = n === 0;
  badge.textContent = String(n);
  badge.setAttribute('aria-label', `${n} open`);
  document.body.dataset.statsEtag = state.etag || '';
  switch (state.view) {
    case 'overview': await renderOverview(); break;
    case 'incidents': await renderIncidents(); break;
    case 'orders': renderStatusFilter(); await loadOrders(); break;
    case 'order': await loadOrder(); break;
    default:
  }
}

/* ---------- routing ---------- */

function parseHash() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const order = path.match(/^\/orders\/([^/]+)$/);
  if (order) return { view: 'order', orderId: decodeURIComponent(order[1]) };
  if (path === '/orders') return { view: 'orders', status: params.get('status') || '' };
  if (path === '/incidents') return { view: 'incidents' };
  return { view: 'overview' };
}

const TITLES = { overview: 'Overview', orders: 'Orders', order: 'Order', incidents: 'Incidents' };

async function route() {
  const r = parseHash();
  const changedView = state.view !== r.view || (r.view === 'order' && state.orderId !== r.orderId);
  state.view = r.view;
  for (const view of ['overview', 'orders', 'order', 'incidents']) {
    $(`view-${view}`).hidden = view !== r.view;
  }
  const navName = r.view === 'order' ? 'orders' : r.view;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === navName) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${TITLES[r.view]}${r.view === 'order' ? ` ${r.orderId}` : ''} · Order fulfillment monitor`;
  if (!state.started) return;
  const firstRoute = !state.routed;
  state.routed = true;
  if (changedView && !firstRoute) {
    const h1 = document.querySelector(`#view-${r.view} h1`);
    h1.focus({ preventScroll: true });
  }
  try {
    if (r.view === 'overview') {
      await renderOverview();
    } else if (r.view === 'orders') {
      if (state.ordersStatus !== r.status) state.ordersPage = 0;
      state.ordersStatus = r.status;
      renderStatusFilter();
      await loadOrders();
    } else if (r.view === 'order') {
      if (state.orderId !== r.orderId) {
        state.orderId = r.orderId;
        state.orderProcess = null;
        state.order = null;
      }
      await loadOrder();
    } else {
      await renderIncidents();
    }
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) toast(problemText(err), true);
  }
}

window.addEventListener('hashchange', () => route());

/**
 * Replaces a container's children without losing the keyboard focus: an element with the same
 * data-focus-key gets it back (live updates re-render every second while things move).
 */
function replaceKeepingFocus(container, ...children) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.focusKey : null;
  container.replaceChildren(...children);
  if (key) {
    const again = [...container.querySelectorAll('[data-focus-key]')].find((n) => n.dataset.focusKey === key);
    if (again) again.focus({ preventScroll: true });
  }
}

/* ---------- diagrams ---------- */

function diagram(name) {
  if (!diagrams[name]) {
    diagrams[name] = new Diagram($(`${name}-diagram`));
  }
  return diagrams[name];
}

const loadXml = (processId) => api(`/api/monitor/models/${encodeURIComponent(processId)}/xml`, { text: true });

window.addEventListener('resize', () => {
  for (const d of Object.values(diagrams)) d.viewer.get('canvas').resized();
});

function modelName(processId) {
  return state.models.find((m) => m.processId === processId)?.name || processId;
}

/** Tabs with roving focus: Left/Right/Home/End move between them (WAI-ARIA tabs pattern). */
function renderTabs(container, items, selected, onSelect, controls) {
  replaceKeepingFocus(
    container,
    ...items.map((item) => el(
      'button',
      {
        type: 'button', role: 'tab', id: `${container.id}-${item.id}`,
        'aria-selected': String(item.id === selected), tabindex: item.id === selected ? '0' : '-1',
        'aria-controls': controls, dataset: { processId: item.id, focusKey: `tab-${item.id}` },
      },
      item.label,
      item.count ? el('span', { class: 'tab-count', text: `(${item.count})` }) : null,
    )),
  );
  container.onclick = (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab) onSelect(tab.dataset.processId);
  };
  container.onkeydown = (e) => {
    const tabs = [...container.querySelectorAll('[role="tab"]')];
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    let next = null;
    if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
    else if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
    else if (e.key === 'Home') next = tabs[0];
    else if (e.key === 'End') next = tabs[tabs.length - 1];
    if (next) {
      e.preventDefault();
      next.focus();
      onSelect(next.dataset.processId, true);
    }
  };
}

/* ---------- overview ---------- */

async function renderOverview() {
  const s = state.snapshot;
  renderChips();
  const processes = s ? s.processes : [];
  const byId = new Map(processes.map((p) => [p.processId, p]));
  renderTabs(
    $('overview-tabs'),
    state.models.map((m) => ({
      id: m.processId,
      label: m.name || m.processId,
      count: byId.get(m.processId)?.active || 0,
    })),
    state.overviewProcess,
    async (id, keepFocus) => {
      state.overviewProcess = id;
      await renderOverview();
      if (keepFocus) $(`overview-tabs-${id}`)?.focus();
    },
    'overview-diagram',
  );
  const d = diagram('overview');
  await d.show(state.overviewProcess, loadXml);
  const p = byId.get(state.overviewProcess);
  d.setCounts(p ? p.elements : []);
  $('overview-diagram').setAttribute('aria-label', `Diagram of ${modelName(state.overviewProcess)} with live counts; the same counts are in the table below`);
  $('overview-instances').textContent = !s ? ''
    : state.basis === 'WORKER_EVENTS'
      ? 'Instance counts are not visible in remote mode (Operate shows them); element counts: jobs the workers handled.'
      : `${modelName(state.overviewProcess)}: ${p?.active || 0} running, ${p?.completed || 0} completed, ${p?.terminated || 0} ended by an event or cancellation (this engine's lifetime for running).`;
  renderCountsTable(d, p ? p.elements : []);
  renderVersions();
  document.body.dataset.overviewProcess = state.overviewProcess;
}

function onVersions(versions) {
  if (!versions) return;
  const json = JSON.stringify(versions);
  if (json === state.versionsJson) return;
  state.versions = versions;
  state.versionsJson = json;
  if (state.view === 'overview') renderVersions();
}

/** The versions of the process on screen: "v1 (tag 2) · 2 active", the latest marked. */
function renderVersions() {
  const box = $('overview-versions');
  const entry = state.versions?.processes.find((p) => p.bpmnProcessId === state.overviewProcess);
  if (!entry) {
    box.hidden = true;
    return;
  }
  $('overview-versions-list').replaceChildren(...entry.versions.map((v) => {
    const latest = v.version === entry.latestVersion;
    const text = `v${v.version}${v.versionTag ? ` (tag ${v.versionTag})` : ''}`
      + `${v.activeInstances === null ? '' : ` · ${v.activeInstances} active`}${latest ? ' (latest)' : ''}`;
    return el('li', {
      class: latest ? 'latest' : undefined,
      dataset: { version: String(v.version), active: String(v.activeInstances ?? '') },
      title: `deployed ${dateTime(v.deployedAt)} from ${v.resourceName}`,
      text,
    });
  }));
  box.hidden = false;
}

function renderChips() {
  const s = state.snapshot;
  if (!s) return;
  const counts = s.orders;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  replaceKeepingFocus(
    $('status-chips'),
    el('li', {}, el('a', { href: '#/orders', dataset: { focusKey: 'all' } }, 'All ', el('strong', { text: String(total) }))),
    ...Object.entries(counts).map(([status, n]) => el(
      'li', {},
      el('a', { href: `#/orders?status=${status}`, class: n ? '' : 'zero', dataset: { status, focusKey: status } },
        STATUS_LABELS[status] || status, ' ', el('strong', { text: String(n) })),
    )),
  );
  const running = total - (counts.COMPLETED || 0) - (counts.REJECTED || 0) - (counts.CANCELLED || 0);
  const text = `${total} order${total === 1 ? '' : 's'}: ${running} in progress, ${counts.COMPLETED || 0} completed, `
    + `${counts.REJECTED || 0} rejected, ${counts.CANCELLED || 0} cancelled; `
    + `${s.incidents.length} open incident${s.incidents.length === 1 ? '' : 's'}.`;
  $('overview-summary').textContent = text;
  // screen readers hear the counts at most every 15 s, not every second
  if (Date.now() - state.lastAnnounce > ANNOUNCE_MS) {
    $('overview-live').textContent = text;
    state.lastAnnounce = Date.now();
  }
}

function renderCountsTable(d, elements) {
  const registry = d.viewer.get('elementRegistry');
  const rows = elements.filter((c) => c.active || c.completed || c.incidents || c.compensated || c.terminated);
  if (!rows.length) {
    $('overview-table').replaceChildren(el('p', { class: 'summary', text: 'Nothing has run in this process yet.' }));
    return;
  }
  $('overview-table').replaceChildren(el(
    'table', { class: 'table compact' },
    el('thead', {}, el('tr', {}, ...['Element', 'Active', 'Incidents', 'Completed', 'Interrupted', 'Compensated']
      .map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null, text: h })))),
    el('tbody', {}, ...rows.map((c) => el(
      'tr', {},
      el('td', { text: registry.get(c.elementId)?.businessObject?.name || c.elementId }),
      ...[c.active, c.incidents, c.completed, c.terminated, c.compensated].map((n) => el('td', { class: 'num', text: String(n) })),
    ))),
  ));
}

/* ---------- demo orders ---------- */

const ADDRESS = {
  name: 'Erika Mustermann', street: 'Heidestraße 17', city: 'Köln', postalCode: '51147', country: 'DE',
};
const DEMOS = {
  happy: { label: 'Happy path', token: 'tok_ok', items: [{ sku: 'SKU-1', quantity: 2 }, { sku: 'SKU-2', quantity: 1 }] },
  declined: { label: 'Payment declined', token: 'tok_declined', items: [{ sku: 'SKU-3', quantity: 1 }] },
  outOfStock: { label: 'Out of stock', token: 'tok_ok', items: [{ sku: 'SKU-6', quantity: 1 }, { sku: 'SKU-OUT', quantity: 1 }] },
  incident: { label: 'Payment outage', token: 'tok_outage', items: [{ sku: 'SKU-4', quantity: 1 }] },
  confirm: { label: 'Needs confirmation', token: 'tok_confirm', items: [{ sku: 'SKU-7', quantity: 1 }] },
};

document.querySelector('.demo-buttons').addEventListener('click', async (e) => {
  const button = e.target.closest('[data-demo]');
  if (!button) return;
  const demo = DEMOS[button.dataset.demo];
  button.disabled = true;
  try {
    const id = uuid();
    const accepted = await api('/api/orders', {
      method: 'POST',
      headers: { 'Idempotency-Key': `monitor-${id}` },
      json: {
        customerId: `demo-${id.slice(0, 8)}`, items: demo.items, paymentToken: demo.token, shippingAddress: ADDRESS,
      },
    });
    $('demo-result').replaceChildren(
      `${demo.label}: order `,
      el('a', { href: `#/orders/${accepted.orderId}`, class: 'mono', text: accepted.orderId }),
      ' started.',
    );
    $('demo-result').dataset.lastOrder = accepted.orderId;
    poll();
  } catch (err) {
    $('demo-result').textContent = problemText(err);
  } finally {
    button.disabled = false;
  }
});

/* ---------- orders ---------- */

function renderStatusFilter() {
  const select = $('status-filter');
  const counts = state.snapshot?.orders || {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const options = [['', `All (${total})`], ...Object.keys(STATUS_LABELS).map((s) => [s, `${STATUS_LABELS[s]} (${counts[s] || 0})`])];
  const current = state.ordersStatus;
  select.replaceChildren(...options.map(([value, label]) => el('option', { value, text: label, selected: value === current })));
  select.value = current;
}

$('status-filter').addEventListener('change', (e) => {
  location.hash = e.target.value ? `#/orders?status=${e.target.value}` : '#/orders';
});
$('orders-filter').addEventListener('submit', (e) => e.preventDefault());
$('orders-prev').addEventListener('click', () => { state.ordersPage = Math.max(0, state.ordersPage - 1); loadOrders(); });
$('orders-next').addEventListener('click', () => { state.ordersPage += 1; loadOrders(); });

async function loadOrders() {
  const params = new URLSearchParams({ page: String(state.ordersPage), size: '20' });
  if (state.ordersStatus) params.set('status', state.ordersStatus);
  const page = await api(`/api/orders?${params}`);
  const incidentsByOrder = new Set((state.snapshot?.incidents || []).map((i) => i.orderId));
  const body = $('orders-body');
  if (!page.items.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: '6', class: 'empty', text: 'No orders here yet. Start a demo order on the overview.' })));
  } else {
    replaceKeepingFocus(body, ...page.items.map((o) => el(
      'tr', { dataset: { orderId: o.orderId, status: o.status } },
      el('td', {}, el('a', { href: `#/orders/${o.orderId}`, class: 'mono', text: o.orderId, dataset: { focusKey: o.orderId } })),
      el('td', { text: o.customerId }),
      el('td', {}, statusBadge(o.status), incidentsByOrder.has(o.orderId) ? el('span', { class: 'badge incident', text: 'incident' }) : null),
      el('td', { class: 'num', text: money(o.total) }),
      el('td', { text: dateTime(o.createdAt) }),
      el('td', { text: dateTime(o.updatedAt) }),
    )));
  }
  $('orders-prev').disabled = page.page === 0;
  $('orders-next').disabled = page.page + 1 >= page.totalPages;
  $('orders-page').textContent = page.totalItems
    ? `Page ${page.page + 1} of ${page.totalPages} · ${page.totalItems} orders` : '';
}

/* ---------- one order ---------- */

async function loadOrder() {
  if (orderLoad) return orderLoad; // one at a time; the next snapshot loads again
  const id = state.orderId;
  orderLoad = (async () => {
    try {
      const [order, timeline, instances] = await Promise.all([
        api(`/api/orders/${encodeURIComponent(id)}`),
        api(`/api/orders/${encodeURIComponent(id)}/timeline`),
        api(`/api/monitor/orders/${encodeURIComponent(id)}/instances`),
      ]);
      if (state.orderId !== id) return;
      state.order = { order, timeline, instances };
      await renderOrder();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        $('order-title').textContent = `Order ${id}`;
        $('order-outcome').textContent = 'No such order.';
      } else if (!(err instanceof ApiError && err.status === 401)) {
        toast(problemText(err), true);
      }
    } finally {
      orderLoad = null;
    }
  })();
  return orderLoad;
}

async function renderOrder() {
  const { order, timeline, instances } = state.order;
  $('order-title').textContent = `Order ${order.orderId}`;
  $('order-status').replaceWith(Object.assign(statusBadge(order.status), { id: 'order-status' }));
  $('view-order').dataset.status = order.status;
  const outcome = [];
  if (order.rejectionReason) outcome.push(`Rejected: ${order.rejectionReason}${order.rejectionDetail ? ` (${order.rejectionDetail})` : ''}.`);
  else if (order.outcome) outcome.push(`Outcome: ${order.outcome}.`);
  if (order.process.openIncidents.length) outcome.push(`${order.process.openIncidents.length} open incident(s): see the diagram and Incidents.`);
  if (order.status === 'AWAITING_PAYMENT_CONFIRMATION') outcome.push('Waiting for the payment provider: confirm the payment to go on.');
  $('order-outcome').textContent = outcome.join(' ');
  $('order-confirm').hidden = order.status !== 'AWAITING_PAYMENT_CONFIRMATION';
  $('order-cancel').hidden = TERMINAL.has(order.status) || order.status === 'DELIVERED';

  // which processes the order ran (its own first), as tabs
  const keys = new Set(instances.instances.map((i) => i.processInstanceKey));
  const processes = [...new Set(instances.instances.map((i) => i.bpmnProcessId))]
    .filter((p) => state.models.some((m) => m.processId === p));
  processes.sort((a, b) => state.models.findIndex((m) => m.processId === a) - state.models.findIndex((m) => m.processId === b));
  if (!processes.length) processes.push(state.models[0].processId);
  if (!state.orderProcess || !processes.includes(state.orderProcess)) state.orderProcess = processes[0];
  renderTabs($('order-tabs'), processes.map((p) => ({ id: p, label: modelName(p) })), state.orderProcess, async (p, keepFocus) => {
    state.orderProcess = p;
    await renderOrder();
    if (keepFocus) $(`order-tabs-${p}`)?.focus();
  }, 'order-diagram');

  const d = diagram('order');
  await d.show(state.orderProcess, loadXml);
  const path = pathOf(d, state.orderProcess, order, timeline.events.filter((e) => e.processInstanceKey == null || keys.has(e.processInstanceKey)), instances);
  d.setPath(path);
  $('order-diagram').setAttribute('aria-label', `Diagram of ${modelName(state.orderProcess)} with the order's path; the steps are listed below`);
  renderSteps(order);
  renderRecord(order);
  renderVariables(instances);
  renderTimeline(timeline.events);
  $('view-order').dataset.rendered = `${order.orderId}:${order.status}:${order.updatedAt}:${timeline.events.length}`;
}

/** Element ids per marker for the process shown, from the timeline (and the engine's flows). */
function pathOf(d, processId, order, events, instances) {
  const mine = events.filter((e) => e.bpmnProcessId === processId && e.elementId && e.elementId !== processId);
  const completed = new Set();
  const terminated = new Set();
  const reached = new Set();
  let active = new Set();
  if (instances.basis === 'ENGINE_RECORDS') {
    const open = new Map();
    for (const e of mine) {
      if (e.kind === 'ELEMENT_ENTERED') { open.set(`${e.processInstanceKey}/${e.elementId}/${e.at}/${open.size}`, e); reached.add(e.elementId); }
      if (e.kind === 'ELEMENT_COMPLETED') completed.add(e.elementId);
      if (e.kind === 'ELEMENT_TERMINATED') terminated.add(e.elementId);
    }
    active = new Set(order.process.currentSteps.filter((s) => s.bpmnProcessId === processId).map((s) => s.elementId));
  } else {
    for (const e of mine) {
      if (e.kind === 'JOB_COMPLETED') completed.add(e.elementId);
      if (e.kind === 'JOB_ERROR_THROWN') terminated.add(e.elementId);
      reached.add(e.elementId);
    }
    active = new Set(order.process.currentSteps.filter((s) => s.bpmnProcessId === processId).map((s) => s.elementId));
  }
  for (const id of completed) terminated.delete(id);
  for (const id of active) { completed.delete(id); terminated.delete(id); }
  const compensated = new Set();
  const targets = d.compensationTargets();
  for (const id of completed) {
    if (targets.has(id)) compensated.add(targets.get(id));
  }
  for (const id of compensated) completed.delete(id);
  let taken = instances.instances.filter((i) => i.bpmnProcessId === processId).flatMap((i) => i.takenFlows);
  if (instances.basis !== 'ENGINE_RECORDS') {
    taken = d.inferTakenFlows(new Set([...reached, ...completed, ...active]));
  }
  const incidents = order.process.openIncidents.filter((i) => i.bpmnProcessId === processId).map((i) => {
    const m = /^([A-Z][A-Z_]+): ([\s\S]*)$/.exec(i.message || '');
    return { elementId: i.elementId, errorType: m ? m[1] : 'Incident', message: m ? m[2] : i.message };
  });
  return {
    completed: [...completed], terminated: [...terminated], active: [...active],
    compensated: [...compensated], taken, incidents,
  };
}

function renderSteps(order) {
  const items = [
    ...order.process.openIncidents.map((i) => el('li', { class: 'incident' },
      el('strong', { text: `Incident at ${i.elementName || i.elementId}` }), ` (${i.bpmnProcessId}): `, i.message || '')),
    ...order.process.currentSteps.map((s) => el('li', {},
      el('strong', { text: `Here now: ${s.elementName || s.elementId}` }), ` (${s.bpmnProcessId}, since ${time(s.since)})`)),
  ];
  $('order-steps').replaceChildren(items.length ? el('ul', { class: 'steps', 'aria-label': 'Where the order is' }, ...items) : '');
}

function renderRecord(o) {
  const rows = [
    ['Customer', o.customerId],
    ['Total', money(o.total)],
    ['Lines', o.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')],
    ['Payment', o.payment ? `${o.payment.status}${o.payment.isRefunded ? `, refunded ${money(o.payment.refunded)}` : ''}${o.payment.declineReason ? ` (${o.payment.declineReason})` : ''}` : '–'],
    ['Shipment', o.shipment ? `${o.shipment.status}${o.shipment.shippingMethod ? `, ${o.shipment.shippingMethod}` : ''}${o.shipment.carrier ? ` by ${o.shipment.carrier}` : ''}` : '–'],
    ['Ship to', `${o.shippingAddress.city}, ${o.shippingAddress.country}`],
    ['Placed', dateTime(o.createdAt)],
    ['Finished', dateTime(o.finishedAt)],
    ['Process instance', o.processInstanceKey ? String(o.processInstanceKey) : '–'],
  ];
  $('order-record').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
}

function renderVariables(instances) {
  if (instances.basis !== 'ENGINE_RECORDS') {
    $('order-variables').replaceChildren(el('p', { class: 'summary', text: 'Not visible in remote mode: Operate shows the process variables.' }));
    return;
  }
  const blocks = instances.instances.filter((i) => i.bpmnProcessId === state.orderProcess);
  if (!blocks.length || blocks.every((b) => !Object.keys(b.variables).length)) {
    $('order-variables').replaceChildren(el('p', { class: 'summary', text: 'No variables recorded for this process in this engine lifetime.' }));
    return;
  }
  $('order-variables').replaceChildren(...blocks.map((b) => el(
    'table', { class: 'table compact vars', 'aria-label': `Variables of ${b.bpmnProcessId} instance ${b.processInstanceKey}` },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Name' }), el('th', { scope: 'col', text: 'Value (JSON)' }))),
    el('tbody', {}, ...Object.entries(b.variables).map(([name, value]) => el('tr', {},
      el('td', {}, el('code', { text: name })), el('td', {}, el('code', { text: value }))))),
  )));
}

function renderTimeline(events) {
  $('order-timeline').replaceChildren(...events.map((e) => {
    const element = e.elementId ? `${e.elementName || e.elementId}${e.bpmnProcessId && e.bpmnProcessId !== 'order-fulfillment' ? ` (${e.bpmnProcessId})` : ''}` : '';
    const detail = [
      e.messageName,
      e.jobType ? `job ${e.jobType}` : null,
      e.retries != null ? `retries left ${e.retries}` : null,
      e.compensationHandler ? 'compensation' : null,
      e.detail,
    ].filter(Boolean).join(' · ');
    return el('tr', { dataset: { kind: e.kind } },
      el('td', { class: 'mono', text: time(e.at) }),
      el('td', { text: KIND_LABELS[e.kind] || e.kind }),
      el('td', { text: element }),
      el('td', { class: 'message', text: detail }));
  }));
}

$('order-confirm').addEventListener('click', async () => {
  const id = state.orderId;
  try {
    // the sandbox provider confirms (the partner webhook takes signed events only)
    await api(`/api/admin/sandbox/orders/${encodeURIComponent(id)}/payment-confirmation`, {
      method: 'POST',
    });
    toast('Payment confirmed: the order goes on.');
  } catch (err) {
    toast(problemText(err), true);
  }
});

$('order-cancel').addEventListener('click', async () => {
  const id = state.orderId;
  try {
    await api(`/api/orders/${encodeURIComponent(id)}/cancellation`, { method: 'POST' });
    toast('Cancellation requested: the process undoes what was done.');
  } catch (err) {
    toast(problemText(err), true);
  }
});

/* ---------- incidents ---------- */

async function renderIncidents() {
  const s = state.snapshot;
  const incidents = s ? s.incidents : [];
  for (const key of state.retried) {
    if (!incidents.some((i) => String(i.incidentKey) === key)) state.retried.delete(key);
  }
  await renderIncidentDiagram(incidents);
  $('incidents-summary').textContent = incidents.length
    ? `${incidents.length} open incident${incidents.length === 1 ? '' : 's'}.`
    : 'No open incidents.';
  const body = $('incidents-body');
  if (!incidents.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: '5', class: 'empty', text: 'No open incidents. A “Payment outage” demo order raises one after three failed attempts.' })));
    return;
  }
  replaceKeepingFocus(body, ...incidents.map((i) => {
    const key = i.incidentKey != null ? String(i.incidentKey) : null;
    let action;
    if (i.retryable && key) {
      const retried = state.retried.has(key);
      action = el('button', {
        type: 'button', class: 'button retry', dataset: { incidentKey: key, focusKey: `retry-${key}` },
        disabled: retried, 'aria-label': `Retry ${i.elementName || i.elementId} of order ${i.orderId}`,
      }, retried ? 'Retried…' : 'Retry');
    } else if (state.operateUrl) {
      action = el('a', { href: state.operateUrl, target: '_blank', rel: 'noopener', text: 'Resolve in Operate' });
    } else {
      action = el('span', { class: 'summary', text: 'Resolve in Operate' });
    }
    return el('tr', { dataset: { incidentKey: key || '', orderId: i.orderId } },
      el('td', {}, el('a', { href: `#/orders/${i.orderId}`, class: 'mono', text: i.orderId, dataset: { focusKey: `order-${key}` } })),
      el('td', { class: 'nowrap' }, el('strong', { text: i.elementName || i.elementId }), el('br'), el('span', { class: 'summary', text: i.bpmnProcessId })),
      el('td', {}, el('strong', { text: i.errorType || 'Incident' }), el('br'), el('span', { class: 'message', text: i.message || '' })),
      el('td', { class: 'nowrap', text: dateTime(i.createdAt) }),
      el('td', {}, action));
  }));
}

/** The processes with open incidents, the elements marked red with their count and first message. */
async function renderIncidentDiagram(incidents) {
  const panel = $('incidents-where');
  panel.hidden = incidents.length === 0;
  if (!incidents.length) return;
  const processes = [...new Set(incidents.map((i) => i.bpmnProcessId))]
    .filter((p) => state.models.some((m) => m.processId === p));
  if (!processes.length) { panel.hidden = true; return; }
  if (!processes.includes(state.incidentProcess)) state.incidentProcess = processes[0];
  renderTabs($('incidents-tabs'), processes.map((p) => ({
    id: p, label: modelName(p), count: incidents.filter((i) => i.bpmnProcessId === p).length,
  })), state.incidentProcess, async (p, keepFocus) => {
    state.incidentProcess = p;
    await renderIncidentDiagram(state.snapshot.incidents);
    if (keepFocus) $(`incidents-tabs-${p}`)?.focus();
  }, 'incidents-diagram');
  const d = diagram('incidents');
  await d.show(state.incidentProcess, loadXml);
  const byElement = new Map();
  for (const i of incidents.filter((x) => x.bpmnProcessId === state.incidentProcess)) {
    const entry = byElement.get(i.elementId) || { elementId: i.elementId, n: 0, first: i };
    entry.n += 1;
    byElement.set(i.elementId, entry);
  }
  d.setPath({
    taken: [], completed: [], terminated: [], compensated: [], active: [],
    incidents: [...byElement.values()].map((e) => ({
      elementId: e.elementId,
      errorType: e.n > 1 ? `${e.n} incidents` : (e.first.errorType || 'Incident'),
      message: e.first.message,
    })),
  });
}

$('incidents-body').addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-incident-key]');
  if (!button) return;
  const key = button.dataset.incidentKey;
  button.disabled = true;
  button.textContent = 'Retrying…';
  try {
    const answer = await api(`/api/incidents/${key}/retry`, { method: 'POST' });
    state.retried.add(key);
    $('incidents-title').focus();
    toast(`Incident resolved: the job of order ${answer.orderId} runs again.`);
    poll();
  } catch (err) {
    button.disabled = false;
    button.textContent = 'Retry';
    toast(problemText(err), true);
  }
});

/* ---------- go ---------- */

async function boot() {
  await route(); // shows the view's frame; data once a key is there
  // the local default run (loopback, built-in keys): the app offers its development key, no dialog
  state.localKey = await localDefaultKey();
  if (!apiKey() && state.localKey) {
    setApiKey(state.localKey);
  }
  showKeyNote();
  if (!apiKey()) {
    askForKey('');
    return;
  }
  try {
    await loadModels();
    await start();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) {
      setLive('error', 'disconnected');
      toast(problemText(err), true);
    }
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', boot);
} else {
  boot();
}
