// The stepper of a traced computational graph (GraphStepper.cs). It enhances the static SVG the library drew:
// without script the full picture stays; with it, the figure is walked forward node by node and backward edge by
// edge, and a scalar graph's inputs can be edited. No eval, no network: everything it needs is in `data`.
function bpStepper(root, data) {
  'use strict';
  var svg = root.querySelector('svg');
  if (!svg || root.getAttribute('data-ready')) {
    return;
  }
  root.setAttribute('data-ready', '1');

  var nodes = data.nodes;
  var arithmetic = bpArithmetic(data), numbers = bpNumbers(), walk = bpSteps(data, arithmetic, numbers);
  var backward = arithmetic.backward, seed = arithmetic.seed, full = numbers.full, label = numbers.label;
  var steps = walk.list, isLeaf = walk.isLeaf, caption = walk.caption, evaluate = arithmetic.evaluate;
  if (data.matrix) { caption = bpMatrixCaptions(data, numbers, data.matrixText, walk.fill); } // the Affine graph of §5.6
  var library = arithmetic.fromLibrary();
  var text = data.text, fill = walk.fill;
  var state = library;

  // ---- the page: controls, caption, inputs; the SVG's parts found by data-node / data-edge / data-out ----

  function element(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  var bar = element('div', 'bp-controls');
  // The class names stay English (tests and styles find them); the words come from the library in the reader's language.
  var buttons = [['start', function () { go(0); }], ['back', function () { go(current - 1); }],
    ['next', function () { go(current + 1); }], ['end', function () { go(steps.length - 1); }]]
    .map(function (b) {
      var button = element('button', 'bp-' + b[0], text[b[0]]);
      button.type = 'button';
      button.title = text[b[0] + 'Tip'];
      button.addEventListener('click', b[1]);
      bar.appendChild(button);
      return button;
    });
  var counter = element('span', 'bp-counter');
  bar.appendChild(counter);
  var captionLine = element('div', 'bp-caption');
  captionLine.setAttribute('aria-live', 'polite');
  var picture = svg.parentNode === root ? svg : svg.parentNode;
  root.insertBefore(bar, picture);
  root.insertBefore(captionLine, picture);
  root.tabIndex = 0;

  var editable = nodes.every(function (n) { return n.op !== null; }) && (!backward || seed === 1);
  var fields = [];
  var inputsRow = element('div', 'bp-inputs');
  if (editable) {
    nodes.filter(function (n) { return n.op === 'input'; }).forEach(function (n) {
      var label = element('label', null, n.name + ' ');
      var field = element('input');
      field.type = 'number';
      field.step = 'any';
      field.value = full(library.value[n.id]);
      field.setAttribute('data-input', n.id);
      field.addEventListener('input', recompute);
      label.appendChild(field);
      inputsRow.appendChild(label);
      fields.push(field);
    });
    var reset = element('button', 'bp-reset', text.reset);
    reset.type = 'button';
    reset.addEventListener('click', function () {
      fields.forEach(function (f) { f.value = full(library.value[+f.getAttribute('data-input')]); f.classList.remove('bp-invalid'); });
      state = library;
      paint();
    });
    inputsRow.appendChild(reset);
  } else {
    inputsRow.textContent = nodes.some(function (n) { return n.op === null; })
      ? text.fixedOps : fill(text.fixedSeed, { name: nodes[data.output].name });
  }
  root.appendChild(inputsRow);

  function recompute() {
    var inputs = [], ok = true;
    fields.forEach(function (f) {
      var v = f.value.trim() === '' ? NaN : Number(f.value);
      f.classList.toggle('bp-invalid', isNaN(v));
      ok = ok && !isNaN(v);
      inputs[+f.getAttribute('data-input')] = v;
    });
    if (ok) {
      state = evaluate(inputs);
      paint();
    }
  }

  function setLabel(text, v) {
    if (!text) { return; }
    var tip = text.querySelector('title');
    while (text.lastChild && text.lastChild !== tip) { text.removeChild(text.lastChild); }
    if (tip) { tip.textContent = full(v); }
    text.appendChild(document.createTextNode(label(v)));
  }

  var edges = Array.prototype.map.call(svg.querySelectorAll('[data-edge]'), function (g) {
    var key = g.getAttribute('data-edge').split(':');
    return { g: g, to: +key[0], input: +key[1], from: nodes[+key[0]].inputs[+key[1]] };
  });
  var outs = Array.prototype.map.call(svg.querySelectorAll('[data-out]'), function (g) {
    return { g: g, node: +g.getAttribute('data-out') };
  });
  var drawn = Array.prototype.map.call(svg.querySelectorAll('[data-node]'), function (g) {
    return { g: g, node: +g.getAttribute('data-node') };
  });

  function paint() {
    edges.forEach(function (e) {
      setLabel(e.g.querySelector('text.fwd'), state.value[e.from]);
      setLabel(e.g.querySelector('text.bwd'), state.edgeGrads[e.to][e.input]);
    });
    outs.forEach(function (o) {
      setLabel(o.g.querySelector('text.fwd'), state.value[o.node]);
      setLabel(o.g.querySelector('text.bwd'), state.grad[o.node]);
    });
    drawn.forEach(function (n) {
      var tip = n.g.querySelector('title');
      if (tip) { tip.textContent = nodes[n.node].label + ' = ' + full(state.value[n.node]); }
    });
    show();
  }

  var current = 0;

  function go(k) {
    current = Math.max(0, Math.min(steps.length - 1, k));
    show();
  }

  function toggle(part, cls, on) { if (part) { part.classList.toggle(cls, on); } }

  function show() {
    var known = {}, back = {}, seedShown = false, step = steps[current];
    nodes.forEach(function (n) { known[n.id] = isLeaf(n); });
    steps.slice(0, current + 1).forEach(function (t) {
      if (t.kind === 'forward') { known[t.node] = true; }
      if (t.kind === 'seed') { seedShown = true; }
      if (t.kind === 'backward') { back[t.node + ':' + t.input] = true; }
    });
    var lit = {};
    if (step.kind === 'start' || step.kind === 'done') {
      nodes.forEach(function (n) { lit[n.id] = isLeaf(n); });
    } else {
      lit[step.node] = true;
    }
    edges.forEach(function (e) {
      toggle(e.g, 'bp-dim', !known[e.from]);
      toggle(e.g.querySelector('text.fwd'), 'bp-hide', !known[e.from]);
      toggle(e.g.querySelector('.gradient'), 'bp-hide', !back[e.to + ':' + e.input]);
      toggle(e.g, 'bp-hot-forward', step.kind === 'forward' && step.node === e.from);
      toggle(e.g, 'bp-hot-backward', step.kind === 'backward' && step.node === e.to && step.input === e.input);
    });
    outs.forEach(function (o) {
      toggle(o.g, 'bp-dim', !known[o.node]);
      toggle(o.g.querySelector('text.fwd'), 'bp-hide', !known[o.node]);
      toggle(o.g.querySelector('.gradient'), 'bp-hide', !seedShown);
      toggle(o.g, 'bp-hot-forward', step.kind === 'forward' && step.node === o.node);
      toggle(o.g, 'bp-hot-backward', step.kind === 'seed' && step.node === o.node);
    });
    drawn.forEach(function (n) {
      toggle(n.g, 'bp-dim', !known[n.node]);
      toggle(n.g, 'bp-lit', !!lit[n.node]);
    });
    captionLine.textContent = caption(step, state);
    var phase = { start: 'phaseStart', forward: 'phaseForward', seed: 'phaseBackward', backward: 'phaseBackward', done: 'phaseDone' }[step.kind];
    counter.textContent = fill(text.counter, { phase: text[phase], step: current, steps: steps.length - 1 });
    buttons[0].disabled = buttons[1].disabled = current === 0;
    buttons[2].disabled = buttons[3].disabled = current === steps.length - 1;
    root.setAttribute('data-step', String(current));
  }

  root.addEventListener('keydown', function (e) {
    if (e.target && e.target.tagName === 'INPUT') {
      return;
    }
    var to = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: steps.length - 1 }[e.key];
    if (to !== undefined) {
      go(to);
      e.preventDefault();
      e.stopPropagation();
    }
  });

  // For the tests: the page's own arithmetic replayed at the library's inputs, over the library's numbers.
  // A matrix graph has no arithmetic in the page: its figure keeps the library's labels.
  root.bpReplay = data.matrix ? undefined : function () {
    state = evaluate(library.value);
    paint();
  };
  show();
}
