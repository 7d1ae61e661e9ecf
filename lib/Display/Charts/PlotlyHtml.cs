using System;
using System.Globalization;

namespace Backprop.Display;

/// <summary>
/// The HTML contract of a figure: the static SVG picture, which every front end shows, and a script that replaces it
/// with the interactive plotly.js chart once the page has window.Plotly (our pages and our kernel bring plotly.js
/// along, once per page or notebook; it fires "bp-plotly-ready"). Nothing is loaded from the network.
/// </summary>
internal static class PlotlyHtml
{
    public const string ReadyEvent = "bp-plotly-ready";

    public static string Render(string figureJson, string svg, double height, double? width)
    {
        // Unique per rendering, not per figure: an old output of the same figure may still be on the page.
        string id = "bp-plot-" + Guid.NewGuid().ToString("N")[..12];
        string widthCss = width is double w ? $"width:100%;max-width:{Html.Px(w)}px" : "width:100%";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            <div id="{{id}}" class="bp-chart" style="{{widthCss}};background:{{Html.Paper}}">
            <div class="bp-chart-static">{{svg}}</div>
            <div class="bp-plot" style="display:none;width:100%;height:{{Html.Px(height)}}px"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{figureJson}};
              var root = document.getElementById('{{id}}');
              function draw() {
                if (!root || root.getAttribute('data-drawn')) { return; }
                root.setAttribute('data-drawn', 'plotly');
                var plot = root.querySelector('.bp-plot');
                plot.style.display = 'block';
                window.Plotly.newPlot(plot, figure.data, figure.layout, { responsive: true, displaylogo: false }).then(function () {
                  root.querySelector('.bp-chart-static').style.display = 'none';
                });
              }
              if (typeof window.Plotly !== 'undefined') { draw(); } else { window.addEventListener('{{ReadyEvent}}', draw); }
            })();
            </script>
            </div>
            """);
    }
}
