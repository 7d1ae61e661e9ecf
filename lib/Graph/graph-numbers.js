// Numbers printed as the library prints them (GraphStepper.cs): Html.Compact ("G6") on the figure, Html.Full ("R")
// in its tooltips, so a value the page recomputes reads exactly as the library would print it.
function bpNumbers() {
  'use strict';

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

  return { compact: compact, full: full };
}
