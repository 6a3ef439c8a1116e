// A bpmn-js NavigatedViewer with the monitor's two layers: count badges (overview) and the
// path an order took (markers on elements and flows, incident notes).

const ZOOM_BUTTONS = [
  ['in', 'Zoom in', '+'],
  ['out', 'Zoom out', '−'],
  ['fit', 'Fit diagram', '⤢'],
];

const MARKERS = ['fm-completed', 'fm-active', 'fm-terminated', 'fm-compensated', 'fm-incident', 'fm-taken'];

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class Diagram {
  constructor(container) {
    this.container = container;
    this.viewer = new window.BpmnJS({ container });
    // the canvas takes focus (arrow keys move the diagram): give it a name
    const svg = container.querySelector('svg');
    if (svg) {
      svg.setAttribute('aria-label', 'Diagram canvas: arrow keys move it, the buttons beside it zoom');
    }
    this.processId = null;
    this.marked = [];
    this.xmlCache = new Map();
    this.addZoomTools();
  }

  /** The zoom buttons beside the canvas: every diagram brings its own, wired to itself. */
  addZoomTools() {
    const tools = el('div', 'diagram-tools');
    tools.setAttribute('role', 'group');
    tools.setAttribute('aria-label', 'Diagram zoom');
    for (const [direction, label, symbol] of ZOOM_BUTTONS) {
      const button = el('button', 'button icon', symbol);
      button.type = 'button';
      button.setAttribute('aria-label', label);
      button.addEventListener('click', () => this.zoom(direction));
      tools.append(button);
    }
    this.container.after(tools);
  }

  /** Shows the process (fetching its XML once); resolves when it is rendered and fitted. */
  async show(processId, loadXml) {
    if (this.processId === processId) {
      return false;
    }
    let xml = this.xmlCache.get(processId);
    if (!xml) {
      xml = await loadXml(processId);
      this.xmlCache.set(processId, xml);
    }
    await this.viewer.importXML(xml);
    this.processId = processId;
    this.marked = [];
    this.fit();
    this.container.dataset.processId = processId;
    return true;
  }

  fit() {
    const canvas = this.viewer.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
  }

  zoom(direction) {
    if (direction === 'fit') {
      this.fit();
      return;
    }
    const canvas = this.viewer.get('canvas');
    canvas.zoom(canvas.zoom() * (direction === 'in' ? 1.2 : 1 / 1.2));
  }

  has(id) {
    return !!this.viewer.get('elementRegistry').get(id);
  }

  /** Count badges: counts = [{elementId, active, incidents, completed, terminated, compensated}]. */
  setCounts(counts) {
    const overlays = this.viewer.get('overlays');
    overlays.remove({ type: 'fm-counts' });
    for (const c of counts) {
      if (!this.has(c.elementId)) continue;
      const box = el('div', 'fm-counts');
      box.dataset.elementId = c.elementId;
      const kinds = [
        ['active', c.active, 'active'],
        ['incidents', c.incidents, 'incidents'],
        ['completed', c.completed, 'completed'],
        ['terminated', c.terminated, 'interrupted'],
        ['compensated', c.compensated, 'compensated'],
      ];
      let any = false;
      for (const [kind, n, label] of kinds) {
        if (n > 0) {
          const badge = el('span', `fm-count fm-count-${kind}`, String(n));
          badge.title = `${n} ${label}`;
          box.append(badge);
          any = true;
        }
      }
      if (any) {
        overlays.add(c.elementId, 'fm-counts', {
          position: { bottom: 10, left: -8 }, scale: { min: 0.9 }, html: box,
        });
      }
    }
  }

  /**
   * The path: sets of element ids per marker, incidents = [{elementId, errorType, message}].
   */
  setPath(path) {
    const canvas = this.viewer.get('canvas');
    for (const [id, marker] of this.marked) {
      canvas.removeMarker(id, marker);
    }
    this.marked = [];
    const mark = (ids, marker) => {
      for (const id of ids) {
        if (this.has(id)) {
          canvas.addMarker(id, marker);
          this.marked.push([id, marker]);
        }
      }
    };
    mark(path.taken, 'fm-taken');
    mark(path.completed, 'fm-completed');
    mark(path.terminated, 'fm-terminated');
    mark(path.compensated, 'fm-compensated');
    mark(path.active, 'fm-active');
    mark(path.incidents.map((i) => i.elementId), 'fm-incident');
    const overlays = this.viewer.get('overlays');
    overlays.remove({ type: 'fm-incident' });
    for (const incident of path.incidents) {
      if (!this.has(incident.elementId)) continue;
      const note = el('div', 'fm-incident-note');
      note.dataset.elementId = incident.elementId;
      note.append(el('strong', null, incident.errorType || 'Incident'), el('span', null, incident.message || ''));
      overlays.add(incident.elementId, 'fm-incident', {
        position: { bottom: -8, left: 0 }, scale: { min: 0.9, max: 1.2 }, html: note,
      });
    }
  }

  /** Compensation handler id → the activity it undoes (from the diagram's associations). */
  compensationTargets() {
    const targets = new Map();
    for (const element of this.viewer.get('elementRegistry').getAll()) {
      const bo = element.businessObject;
      if (element.type !== 'bpmn:Association' || !bo.sourceRef || !bo.targetRef) continue;
      const boundary = bo.sourceRef;
      const handler = bo.targetRef;
      const compensation = (boundary.eventDefinitions || [])
        .some((d) => d.$type === 'bpmn:CompensateEventDefinition');
      if (boundary.$type === 'bpmn:BoundaryEvent' && compensation && handler.isForCompensation) {
        targets.set(handler.id, boundary.attachedToRef.id);
      }
    }
    return targets;
  }

  /** Sequence flows whose source and target were both reached (remote mode: no flow records). */
  inferTakenFlows(reached) {
    const taken = [];
    for (const element of this.viewer.get('elementRegistry').getAll()) {
      if (element.type === 'bpmn:SequenceFlow'
          && reached.has(element.businessObject.sourceRef.id)
          && reached.has(element.businessObject.targetRef.id)) {
        taken.push(element.id);
      }
    }
    return taken;
  }

  clear() {
    this.setPath({ taken: [], completed: [], terminated: [], compensated: [], active: [], incidents: [] });
  }
}

export const PATH_MARKERS = MARKERS;
