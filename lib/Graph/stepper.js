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
  var backward = typeof data.output === 'number';
  var seed = backward ? num(data.seed) : 0;
  var library = fromLibrary();
  var state = library;

  function num(v) { return typeof v === 'string' ? Number(v) : v; }
  function isLeaf(n) { return n.inputs.length === 0; }

  // ---- the arithmetic of ComputationalGraph, operation by operation, in the same order ----

  function fromLibrary() {
    var s = { value: [], grad: [], local: [], edgeGrads: [] };
    nodes.forEach(function (n) {
      s.value[n.id] = num(n.value);
      s.grad[n.id] = num(n.grad);
      s.local[n.id] = n.local.map(num);
      s.edgeGrads[n.id] = n.edgeGrads.map(num);
    });
    return s;
  }

  function evaluate(inputs) {
    var s = { value: [], grad: [], local: [], edgeGrads: [] };
    nodes.forEach(function (n) {
      var x = n.inputs.map(function (i) { return s.value[i]; });
      var c = num(n.constant), v, local;
      switch (n.op) {
        case 'input': v = inputs[n.id]; local = []; break;
        case 'mul': v = x[0] * x[1]; local = [x[1], x[0]]; break;
        case 'add': v = x[0] + x[1]; local = [1, 1]; break;
        case 'scale': v = x[0] * c; local = [c]; break;
        case 'addc': v = x[0] + c; local = [1]; break;
        case 'exp': v = Math.exp(x[0]); local = [v]; break;
        case 'recip': v = 1 / x[0]; local = [-v * v]; break;
        default: throw new Error('no arithmetic for ' + n.symbol);
      }
      s.value[n.id] = v;
      s.local[n.id] = local;
      s.grad[n.id] = 0;
      s.edgeGrads[n.id] = n.inputs.map(function () { return 0; });
    });
    if (backward) {
      s.grad[data.output] = seed;
      data.backward.forEach(function (id) {
        var n = nodes[id], g = s.grad[id], v = s.value[id], c = num(n.constant), back;
        var x = n.inputs.map(function (i) { return s.value[i]; });
        switch (n.op) {
          case 'mul': back = [g * x[1], g * x[0]]; break; // MulLayer swaps its inputs
          case 'add': back = [g, g]; break;
          case 'scale': back = [g * c]; break;
          case 'addc': back = [g]; break;
          case 'exp': back = [g * v]; break;
          case 'recip': back = [g * -v * v]; break;
          default: back = [];
        }
        back.forEach(function (b, i) {
          s.edgeGrads[id][i] = b;
          s.grad[n.inputs[i]] += b;
        });
      });
    }
    return s;
  }

  // ---- numbers printed as the library prints them: Html.Compact ("G6") and Html.Full ("R") ----

  function exponent(e) { return (e < 0 ? '-' : '+') + (Math.abs(e) < 10 ? '0' : '') + Math.abs(e); }

  function zeros(n) { return new Array(n + 1).join('0'); }

  // Six significant digits rounded as .NET rounds them: an exact tie goes to the even digit (123456.5 -> 123456),
  // which toFixed and toPrecision do not do; 101 exact digits of the double show whether it is a tie.
  function sixDigits(v) {
    var parts = Math.abs(v).toExponential(100).split('e'), e = parseInt(parts[1], 10);
    var all = parts[0].replace('.', ''), head = all.slice(0, 6), next = all.charAt(6);
    var odd = (head.charCodeAt(5) - 48) % 2 === 1;
    if (next > '5' || (next === '5' && (/[1-9]/.test(all.slice(7)) || odd))) {
      head = String(parseInt(head, 10) + 1);
      if (head.length > 6) {
        head = head.slice(0, 6);
        e += 1;
      }
    }
    return { digits: head.replace(/0+$/, ''), e: e };
  }

  function compact(v) {
    if (isNaN(v)) { return 'NaN'; }
    if (!isFinite(v)) { return v > 0 ? '∞' : '-∞'; }
    if (v === 0) { return '0'; }
    var r = sixDigits(v), d = r.digits, e = r.e, sign = v < 0 ? '-' : '';
    if (e < -4 || e >= 6) { return sign + d.charAt(0) + (d.length > 1 ? '.' + d.slice(1) : '') + 'e' + exponent(e); }
    if (e < 0) { return sign + '0.' + zeros(-e - 1) + d; }
    return sign + (d.length > e + 1 ? d.slice(0, e + 1) + '.' + d.slice(e + 1) : d + zeros(e + 1 - d.length));
  }

  function full(v) {
    if (isNaN(v)) { return 'NaN'; }
    if (!isFinite(v)) { return v > 0 ? 'Infinity' : '-Infinity'; }
    if (v === 0) { return 1 / v < 0 ? '-0' : '0'; }
    var parts = v.toExponential().split('e'), e = parseInt(parts[1], 10);
    var sign = v < 0 ? '-' : '', digits = parts[0].replace('-', '').replace('.', '');
    if (e < -4 || e >= 17) { return parts[0] + 'E' + exponent(e); }
    if (e < 0) { return sign + '0.' + zeros(-e - 1) + digits; }
    while (digits.length < e + 1) { digits += '0'; }
    return sign + digits.slice(0, e + 1) + (digits.length > e + 1 ? '.' + digits.slice(e + 1) : '');
  }

  // ---- the steps: inputs, each operation forward, the seed, each edge backward, the input gradients ----

  var steps = [{ kind: 'start' }];
  nodes.forEach(function (n) { if (!isLeaf(n)) { steps.push({ kind: 'forward', node: n.id }); } });
  var arrivals = {};
  if (backward) {
    steps.push({ kind: 'seed', node: data.output });
    data.backward.forEach(function (id) {
      nodes[id].inputs.forEach(function (from, i) {
        arrivals[from] = (arrivals[from] || 0) + 1;
        steps.push({ kind: 'backward', node: id, input: i, from: from, arrival: arrivals[from] });
      });
    });
    steps.push({ kind: 'done' });
  }

  function wrap(name) { return /[\s+\-−×\/]/.test(name) && !/^\w+\(.*\)$/.test(name) ? '(' + name + ')' : name; }
  function d(top, bottom) { return '∂' + wrap(top) + '/∂' + wrap(bottom); }
  function operand(v) { return v < 0 ? '(' + compact(v) + ')' : compact(v); }
  function title(n) { return n.symbol + ' node' + (n.named ? ' (' + n.name + ')' : n.name.charAt(0) === '#' ? ' ' + n.name : ''); }

  function forwardCaption(n, s) {
    var x = n.inputs.map(function (i) { return nodes[i]; });
    var xv = n.inputs.map(function (i) { return s.value[i]; });
    var c = compact(num(n.constant)), v = compact(s.value[n.id]), name = x.length ? x[0].name : '';
    var body = {
      mul: x.length > 1 && (x[0].name + ' × ' + x[1].name + ' = ' + operand(xv[0]) + ' × ' + operand(xv[1])),
      add: x.length > 1 && (x[0].name + ' + ' + x[1].name + ' = ' + operand(xv[0]) + ' + ' + operand(xv[1])),
      scale: name + ' × ' + operand(num(n.constant)) + ' = ' + operand(xv[0]) + ' × ' + operand(num(n.constant)),
      addc: name + ' + ' + c + ' = ' + operand(xv[0]) + ' + ' + c,
      exp: 'exp(' + compact(xv[0]) + ')',
      recip: '1 / ' + operand(xv[0]),
    }[n.op] || n.symbol + '(' + xv.map(compact).join(', ') + ')';
    return title(n) + ': ' + body + ' = ' + v;
  }

  function localName(n, i) {
    var other = n.inputs.length > 1 ? nodes[n.inputs[1 - i]].name : '';
    return { mul: other + ' = ', exp: n.name + ' = ', recip: '−' + wrap(n.name) + '² = ' }[n.op] || '';
  }

  function backwardCaption(step, s) {
    var n = nodes[step.node], from = nodes[step.from], i = step.input;
    var g = s.grad[n.id], local = s.local[n.id][i], out = s.edgeGrads[n.id][i];
    var text = title(n) + ': ' + d(n.name, from.name) + ' = ' + localName(n, i) + compact(local) + '; ' +
      operand(g) + ' × ' + operand(local) + ' = ' + compact(out);
    var total = arrivals[step.from];
    if (total > 1) {
      if (step.arrival < total) {
        text += '; ' + from.name + ' gets gradient ' + step.arrival + ' of ' + total;
      } else {
        var parts = steps.filter(function (t) { return t.kind === 'backward' && t.from === step.from; })
          .map(function (t) { return operand(s.edgeGrads[t.node][t.input]); });
        text += '; ' + from.name + ' was used ' + total + ' times and collects ' + parts.join(' + ') +
          ' = ' + compact(s.grad[step.from]);
      }
    }
    return text;
  }

  function caption(step, s) {
    var out = backward ? nodes[data.output] : null;
    switch (step.kind) {
      case 'start':
        return 'Forward: the inputs ' + nodes.filter(isLeaf).map(function (n) {
          return n.name + ' = ' + compact(s.value[n.id]);
        }).join(', ') + ' enter from the left.';
      case 'forward': return forwardCaption(nodes[step.node], s);
      case 'seed':
        return seed === 1 ? 'Backward starts at ' + out.name + ': ' + d(out.name, out.name) + ' = 1'
          : 'Backward starts at ' + out.name + ' with the gradient ' + compact(seed) + ', given to Backward';
      case 'backward': return backwardCaption(step, s);
      default:
        return 'Done: ' + nodes.filter(function (n) { return isLeaf(n); }).map(function (n) {
          return d(out.name, n.name) + ' = ' + compact(s.grad[n.id]);
        }).join(', ');
    }
  }

  // ---- the page: controls, caption, inputs; the SVG's parts found by data-node / data-edge / data-out ----

  function element(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  var bar = element('div', 'bp-controls');
  var buttons = [['« start', 'start (Home)', function () { go(0); }], ['◀ back', 'back (←)', function () { go(current - 1); }],
    ['next ▶', 'next (→)', function () { go(current + 1); }], ['end »', 'end (End)', function () { go(steps.length - 1); }]]
    .map(function (b) {
      var button = element('button', 'bp-' + b[1].split(' ')[0], b[0]);
      button.type = 'button';
      button.title = b[1];
      button.addEventListener('click', b[2]);
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
    var reset = element('button', 'bp-reset', 'reset');
    reset.type = 'button';
    reset.addEventListener('click', function () {
      fields.forEach(function (f) { f.value = full(library.value[+f.getAttribute('data-input')]); f.classList.remove('bp-invalid'); });
      state = library;
      paint();
    });
    inputsRow.appendChild(reset);
  } else {
    inputsRow.textContent = nodes.some(function (n) { return n.op === null; })
      ? 'The inputs are fixed here: the page cannot recompute every node of this graph.'
      : 'The inputs are fixed here: the gradient entering ' + nodes[data.output].name + ' was given to Backward from outside the graph.';
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
    text.appendChild(document.createTextNode(compact(v)));
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
    var phase = { start: 'start', forward: 'forward', seed: 'backward', backward: 'backward', done: 'done' }[step.kind];
    counter.textContent = phase + ' · step ' + current + ' of ' + (steps.length - 1);
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
  root.bpReplay = function () {
    state = evaluate(library.value);
    paint();
  };
  show();
}
