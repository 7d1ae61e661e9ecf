// The arithmetic of ComputationalGraph in the page (GraphStepper.cs): each operation's forward value, local
// derivatives and backward products, computed as the library computes them and in the library's backward order.
function bpArithmetic(data) {
  'use strict';
  var nodes = data.nodes;
  var backward = typeof data.output === 'number';
  var seed = backward ? num(data.seed) : 0;

  function num(v) { return typeof v === 'string' ? Number(v) : v; }

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
        case 'add': v = x.reduce(function (a, b) { return a + b; }, 0); local = x.map(function () { return 1; }); break; // Sum adds any number of terms, in order
        case 'scale': v = x[0] * c; local = [c]; break;
        case 'addc': v = x[0] + c; local = [1]; break;
        case 'exp': v = Math.exp(x[0]); local = [v]; break;
        case 'recip': v = 1 / x[0]; local = [-v * v]; break;
        case 'log': v = Math.log(x[0]); local = [1 / x[0]]; break;
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
          case 'add': back = x.map(function () { return g; }); break;
          case 'scale': back = [g * c]; break;
          case 'addc': back = [g]; break;
          case 'exp': back = [g * v]; break;
          case 'recip': back = [g * -v * v]; break;
          case 'log': back = [g * (1 / x[0])]; break;
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

  return { fromLibrary: fromLibrary, evaluate: evaluate, num: num, backward: backward, seed: seed };
}
