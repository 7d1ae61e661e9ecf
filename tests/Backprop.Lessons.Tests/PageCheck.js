// Injected into a published lesson page by PublishedPage.Check: once formulas and charts have drawn, lists what a
// would see wrong at this window width, as JSON in a pre element with id bp-check.
window.addEventListener("load", function () {
  setTimeout(function () {
    var problems = [];
    var clone = document.body.cloneNode(true);
    clone.querySelectorAll("script, style, .katex-mathml, title").forEach(function (e) { e.remove(); });
    var text = clone.textContent;
    ["$$", "\\frac", "\\partial"].forEach(function (raw) {
      var at = text.indexOf(raw);
      if (at >= 0) problems.push("raw TeX " + raw + " in the text: ..." + text.substr(Math.max(0, at - 40), 100).replace(/\s+/g, " ") + "...");
    });
    function own(t) { return Array.from(t.childNodes).filter(function (n) { return n.nodeType === 3; }).map(function (n) { return n.textContent; }).join(""); }
    document.querySelectorAll("svg.bp-graph").forEach(function (svg, g) {
      var boxes = Array.from(svg.querySelectorAll("text")).map(function (t) { return { text: own(t), r: t.getBoundingClientRect() }; });
      for (var i = 0; i < boxes.length; i++) {
        for (var j = i + 1; j < boxes.length; j++) {
          var a = boxes[i].r, b = boxes[j].r;
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
            problems.push("graph " + (g + 1) + ": '" + boxes[i].text + "' overlaps '" + boxes[j].text + "'");
          }
        }
      }
    });
    document.querySelectorAll(".output").forEach(function (o, k) {
      if (o.scrollWidth > o.clientWidth + 1) {
        var what = o.firstElementChild ? (o.firstElementChild.className || o.firstElementChild.tagName) : "text";
        problems.push("output " + (k + 1) + " (" + what + ") is " + o.scrollWidth + " px wide in a " + o.clientWidth + " px column");
      }
      // A picture inside its own scrolling box is cut off just the same, and in print for good.
      o.querySelectorAll("svg, img, canvas, table, .bp-plot").forEach(function (p) {
        var w = p.getBoundingClientRect().width;
        if (w > o.clientWidth + 1) problems.push("output " + (k + 1) + ": a " + p.tagName.toLowerCase() + " is " + Math.round(w) + " px wide in a " + o.clientWidth + " px column");
      });
    });
    document.querySelectorAll(".bp-plot").forEach(function (p, k) {
      if (!p.querySelector(".main-svg")) problems.push("chart " + (k + 1) + " did not draw");
    });
    var pre = document.createElement("pre");
    pre.id = "bp-check";
    pre.textContent = JSON.stringify(problems);
    document.body.appendChild(pre);
  }, 300);
});
