// The steps of a graph and their one-line captions (GraphStepper.cs): the inputs, each operation forward, the seed,
// each edge backward in the library's order, then every input's gradient.
function bpSteps(data, arithmetic, numbers) {
  'use strict';
  var nodes = data.nodes, backward = arithmetic.backward, seed = arithmetic.seed;
  var num = arithmetic.num, compact = numbers.compact, text = data.text;

  // The library's sentence with each {key} replaced; names may be any script (사과 개수), so no word patterns.
  function fill(template, values) {
    return template.replace(/\{([A-Za-z]+)\}/g, function (all, key) { return key in values ? String(values[key]) : all; });
  }

  function isLeaf(n) { return n.inputs.length === 0; }

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

  function wrap(name) { return /[\s+\-−×\/]/.test(name) && !/^[\p{L}\p{N}_]+\(.*\)$/u.test(name) ? '(' + name + ')' : name; }
  function d(top, bottom) { return '∂' + wrap(top) + '/∂' + wrap(bottom); }
  function operand(v) { return v < 0 ? '(' + compact(v) + ')' : compact(v); }
  function title(n) {
    return fill(text.node, { symbol: n.symbol }) + (n.named ? ' (' + n.name + ')' : n.name.charAt(0) === '#' ? ' ' + n.name : '');
  }

  function forwardCaption(n, s) {
    var x = n.inputs.map(function (i) { return nodes[i]; });
    var xv = n.inputs.map(function (i) { return s.value[i]; });
    var c = compact(num(n.constant)), v = compact(s.value[n.id]), name = x.length ? x[0].name : '';
    var body = {
      mul: x.length > 1 && (x[0].name + ' × ' + x[1].name + ' = ' + operand(xv[0]) + ' × ' + operand(xv[1])),
      add: x.length > 1 && (x.map(function (xi) { return xi.name; }).join(' + ') + ' = ' + xv.map(operand).join(' + ')),
      scale: name + ' × ' + operand(num(n.constant)) + ' = ' + operand(xv[0]) + ' × ' + operand(num(n.constant)),
      addc: name + ' + ' + c + ' = ' + operand(xv[0]) + ' + ' + c,
      exp: 'exp(' + compact(xv[0]) + ')',
      recip: '1 / ' + operand(xv[0]),
      log: 'log(' + compact(xv[0]) + ')',
    }[n.op] || n.symbol + '(' + xv.map(compact).join(', ') + ')';
    return title(n) + ': ' + body + ' = ' + v;
  }

  function localName(n, i) {
    if (n.op === 'mul') { return nodes[n.inputs[1 - i]].name + ' = '; }
    var from = nodes[n.inputs[i]].name;
    return { exp: n.name + ' = ', recip: '−' + wrap(n.name) + '² = ', log: '1/' + wrap(from) + ' = ' }[n.op] || '';
  }

  function backwardCaption(step, s) {
    var n = nodes[step.node], from = nodes[step.from], i = step.input;
    var g = s.grad[n.id], local = s.local[n.id][i], out = s.edgeGrads[n.id][i];
    var line = title(n) + ': ' + d(n.name, from.name) + ' = ' + localName(n, i) + compact(local) + '; ' +
      operand(g) + ' × ' + operand(local) + ' = ' + compact(out);
    var total = arrivals[step.from];
    if (total > 1) {
      if (step.arrival < total) {
        line += '; ' + fill(text.arrival, { name: from.name, arrival: step.arrival, total: total });
      } else {
        var parts = steps.filter(function (t) { return t.kind === 'backward' && t.from === step.from; })
          .map(function (t) { return operand(s.edgeGrads[t.node][t.input]); });
        line += '; ' + fill(text.collects, { name: from.name, total: total, parts: parts.join(' + '), sum: compact(s.grad[step.from]) });
      }
    }
    return line;
  }

  function caption(step, s) {
    var out = backward ? nodes[data.output] : null;
    switch (step.kind) {
      case 'start':
        return fill(text.inputsEnter, { inputs: nodes.filter(isLeaf).map(function (n) {
          return n.name + ' = ' + compact(s.value[n.id]);
        }).join(', ') });
      case 'forward': return forwardCaption(nodes[step.node], s);
      case 'seed':
        return seed === 1 ? fill(text.seedOne, { name: out.name, d: d(out.name, out.name) })
          : fill(text.seedGiven, { name: out.name, seed: compact(seed) });
      case 'backward': return backwardCaption(step, s);
      default:
        return fill(text.done, { grads: nodes.filter(function (n) { return isLeaf(n); }).map(function (n) {
          return d(out.name, n.name) + ' = ' + compact(s.grad[n.id]);
        }).join(', ') });
    }
  }

  return { list: steps, caption: caption, isLeaf: isLeaf, fill: fill };
}
