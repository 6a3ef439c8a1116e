// Small formatting helpers and DOM builders (text only: nothing from the API becomes HTML).

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function money(m) {
  if (!m) return '–';
  return `${Number(m.amount).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${m.currency}`;
}

export function time(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return `${d.toLocaleTimeString(undefined, { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export function dateTime(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(undefined, { hour12: false });
}

export const STATUS_LABELS = {
  RECEIVED: 'Received',
  VALIDATED: 'Validated',
  STOCK_RESERVED: 'Stock reserved',
  AWAITING_PAYMENT_CONFIRMATION: 'Awaiting payment confirmation',
  PAID: 'Paid',
  PACKED: 'Packed',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  COMPLETED: 'Completed',
  REJECTED: 'Rejected',
  CANCELLED: 'Cancelled',
};

export const TERMINAL = new Set(['COMPLETED', 'REJECTED', 'CANCELLED']);

export function statusBadge(status) {
  return el('span', { class: `badge s-${status}`, text: STATUS_LABELS[status] || status });
}

export const KIND_LABELS = {
  ORDER_PLACED: 'Order placed',
  START_REQUESTED: 'Start requested',
  CANCELLATION_REQUESTED: 'Cancellation requested',
  MESSAGE_PUBLISHED: 'Message published',
  EVENT_IGNORED: 'Event ignored',
  PROCESS_RESTARTED: 'Process restarted',
  ELEMENT_ENTERED: 'Entered',
  ELEMENT_COMPLETED: 'Completed',
  ELEMENT_TERMINATED: 'Interrupted',
  MESSAGE_CORRELATED: 'Message received',
  JOB_COMPLETED: 'Job completed',
  JOB_FAILED: 'Job failed',
  JOB_RETRIES_UPDATED: 'Retries updated',
  JOB_TIMED_OUT: 'Job timed out',
  JOB_ERROR_THROWN: 'BPMN error',
  INCIDENT_CREATED: 'Incident',
  INCIDENT_RESOLVED: 'Incident resolved',
};
