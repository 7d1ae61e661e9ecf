using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Backprop.Tests;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// A published page with every graph stepper on it driven in headless Chromium the way a reader does (arrow keys,
/// typing in an input box), each stepper's visible state read back as JSON.
/// </summary>
internal static class StepperPage
{
    // Per stepper: the labels as published, its state after each → until the end, then ←, Home and two clicks on
    // "next", the page's
    // own arithmetic replayed (scalar graphs) at the library's inputs, and (where there is an apple box) apple typed as 150.
    private const string Driver = """
        (function () {
          function own(t) { var s = ''; t.childNodes.forEach(function (c) { if (c.nodeType === 3) { s += c.nodeValue; } }); return s; }
          function labels(r) {
            return Array.prototype.map.call(r.querySelectorAll('svg text.fwd, svg text.bwd'), function (t) {
              var part = t.closest('[data-edge]'), out = t.closest('[data-out]'), tip = t.querySelector('title');
              return { at: part ? 'edge ' + part.getAttribute('data-edge') : 'out ' + (out && out.getAttribute('data-out')),
                       kind: t.classList.contains('fwd') ? 'fwd' : 'bwd', text: own(t), full: tip ? tip.textContent : '',
                       hidden: !!t.closest('.bp-hide') };
            });
          }
          function state(r) {
            return { step: +r.getAttribute('data-step'), caption: r.querySelector('.bp-caption').textContent,
                     lit: Array.prototype.map.call(r.querySelectorAll('[data-node].bp-lit'), function (g) { return +g.getAttribute('data-node'); }),
                     labels: labels(r) };
          }
          function key(r, name) { r.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true })); }
          var results = Array.prototype.map.call(document.querySelectorAll('.bp-stepper'), function (r) {
            var result = { ready: r.getAttribute('data-ready') === '1', published: labels(r), walk: [state(r)],
                           fields: Array.prototype.map.call(r.querySelectorAll('.bp-inputs input'), function (f) { return f.parentNode.firstChild.nodeValue.trim(); }) };
            for (var i = 0; i < 500; i++) {
              key(r, 'ArrowRight');
              var s = state(r);
              if (s.step === result.walk[result.walk.length - 1].step) { break; }
              result.walk.push(s);
            }
            key(r, 'ArrowLeft'); result.afterLeft = state(r);
            key(r, 'Home'); result.afterHome = state(r);
            r.querySelector('.bp-next').click(); r.querySelector('.bp-next').click(); result.afterTwoClicks = state(r);
            result.inputsNote = r.querySelector('.bp-inputs').textContent;
            if (r.bpReplay) { r.bpReplay(); result.replayed = labels(r); } // a matrix graph has no arithmetic in the page
            var apple = Array.prototype.filter.call(r.querySelectorAll('.bp-inputs input'), function (f) {
              return f.parentNode.firstChild.nodeValue.trim() === 'apple'; })[0];
            if (apple) {
              apple.value = '150';
              apple.dispatchEvent(new Event('input', { bubbles: true }));
              key(r, 'End');
              result.apple150 = state(r);
            }
            return result;
          });
          var pre = document.createElement('pre');
          pre.id = 'stepper-results';
          pre.textContent = JSON.stringify(results);
          document.body.appendChild(pre);
        })();
        """;

    public static async Task<JsonElement> DriveAsync(string notebook)
    {
        var result = await NotebookRunner.RunAsync(notebook, new RunOptions { CellTimeout = TimeSpan.FromSeconds(120) });
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        string page = Path.Combine(NewScratch(), Path.GetFileNameWithoutExtension(notebook) + ".html");
        HtmlPublisher.Publish(result, page);
        string driven = page.Replace(".html", ".driven.html", StringComparison.Ordinal);
        File.WriteAllText(driven, HeadlessChromium.WithScript(File.ReadAllText(page), Driver));

        string dom = HeadlessChromium.DumpDom(driven);
        var match = Regex.Match(dom, "<pre id=\"stepper-results\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, $"the driver did not finish on {driven}");
        return JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value)).RootElement.Clone();
    }
}
