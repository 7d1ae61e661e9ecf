// The captions of a matrix-valued graph, the Affine layer of §5.6 (AffineExport.cs): the steps are the scalar
// graph's (graph-steps.js), each caption names the book's formula, the shapes it multiplies and, where they fit on
// the line, the entries. The templates come in the page's JSON, in the learner's language (MatrixStepperTexts.cs).
function bpMatrixCaptions(data, numbers, texts, fill) {
  'use strict';
  var nodes = data.nodes, X = 0, W = 1, Dot = 2, B = 3, Plus = 4;
  // More entries than this crowd the one-line caption; the figure's tooltips still have them all.
  var mostEntries = 12;

  function shape(m, transposed) {
    var rows = m.length, columns = m[0].length;
    return fill('({rows}, {columns})', transposed ? { rows: columns, columns: rows } : { rows: rows, columns: columns });
  }

  function entries(m) {
    if (m.length * m[0].length > mostEntries) { return ''; }
    var values = '[' + m.map(function (row) { return '[' + row.map(function (v) { return numbers.compact(Number(v)); }).join(', ') + ']'; }).join(', ') + ']';
    return ': ' + values;
  }

  function batchRows() {
    var n = nodes[X].value.length;
    return fill(n === 1 ? texts.rowsOne : texts.rowsMany, { n: n });
  }

  function named(id) { return nodes[id].name + ' ' + shape(nodes[id].value); }

  function value(id) { return nodes[id].value; }

  function grad(id) { return nodes[id].grad; }

  function backward(step) {
    var key = step.node === Plus ? (step.from === Dot ? 'plusToDot' : 'plusToB') : (step.from === X ? 'dotToX' : 'dotToW');
    var out = grad(step.from);
    return fill(texts[key], { out: shape(out), dy: shape(grad(Plus)), wt: shape(value(W), true), xt: shape(value(X), true),
      rows: batchRows(), entries: entries(out) });
  }

  return function caption(step) {
    switch (step.kind) {
      case 'start': return fill(texts.start, { x: named(X), w: named(W), b: named(B) });
      case 'forward':
        return step.node === Dot
          ? fill(texts.dot, { x: shape(value(X)), w: shape(value(W)), out: shape(value(Dot)), entries: entries(value(Dot)) })
          : fill(texts.plus, { xw: shape(value(Dot)), b: shape(value(B)), out: shape(value(Plus)), rows: batchRows(), entries: entries(value(Plus)) });
      case 'seed': return fill(texts.seed, { out: shape(grad(Plus)), entries: entries(grad(Plus)) });
      case 'backward': return backward(step);
      default: return fill(texts.done, { dx: shape(grad(X)), dw: shape(grad(W)), db: shape(grad(B)) });
    }
  };
}
