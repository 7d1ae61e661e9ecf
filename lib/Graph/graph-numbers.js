// Numbers printed as the library prints them (GraphStepper.cs): GraphDrawing's labels ("G4") on the figure,
// Html.Compact ("G6") in captions, Html.Full ("R") in tooltips, so a value the page recomputes reads exactly as the
// library would print it.
function bpNumbers() {
  'use strict';

  function exponent(e) { return (e < 0 ? '-' : '+') + (Math.abs(e) < 10 ? '0' : '') + Math.abs(e); }

  function zeros(n) { return new Array(n + 1).join('0'); }

  // p significant digits rounded as .NET rounds them: an exact tie goes to the even digit (123456.5 -> 123456),
  // which toFixed and toPrecision do not do; 101 exact digits of the double show whether it is a tie.
  function digits(v, p) {
    var parts = Math.abs(v).toExponential(100).split('e'), e = parseInt(parts[1], 10);
    var all = parts[0].replace('.', ''), head = all.slice(0, p), next = all.charAt(p);
    var odd = (head.charCodeAt(p - 1) - 48) % 2 === 1;
    if (next > '5' || (next === '5' && (/[1-9]/.test(all.slice(p + 1)) || odd))) {
      head = String(parseInt(head, 10) + 1);
      if (head.length > p) {
        head = head.slice(0, p);
        e += 1;
      }
    }
    return { digits: head.replace(/0+$/, ''), e: e };
  }

  function compact(v) { return general(v, 6); }

  // A figure's label: four digits (GraphDrawing), or what Html.Compact prints for ±∞ and NaN.
  function label(v) { return isFinite(v) ? general(v, 4) : compact(v); }

  // .NET's "Gp" format, with "-0" printed as "0".
  function general(v, p) {
    if (isNaN(v)) { return 'NaN'; }
    if (!isFinite(v)) { return v > 0 ? '∞' : '-∞'; }
    if (v === 0) { return '0'; }
    var r = digits(v, p), d = r.digits, e = r.e, sign = v < 0 ? '-' : '';
    if (e < -4 || e >= p) { return sign + d.charAt(0) + (d.length > 1 ? '.' + d.slice(1) : '') + 'e' + exponent(e); }
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

  return { compact: compact, label: label, full: full };
}
