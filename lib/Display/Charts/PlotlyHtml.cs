using System;
using System.Globalization;

namespace Backprop.Display;

/// <summary>
/// The HTML contract of a figure: a div with a unique id and a script that draws with window.Plotly when the
/// page has it (our offline pages embed it), else through require.js (VS Code, Jupyter), else from the CDN.
/// </summary>
internal static class PlotlyHtml
{
    public static string Render(string figureJson, double height, double? width)
    {
        // Unique per rendering, not per figure: an old output of the same figure may still be on the page.
        string id = "bp-plot-" + Guid.NewGuid().ToString("N")[..12];
        string cdnBase = Figure.PlotlyCdnUrl[..^3];
        string widthCss = width is double w ? $"width:{Html.Px(w)}px;max-width:100%" : "width:100%";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            <div id="{{id}}" class="bp-plot" style="{{widthCss}};height:{{Html.Px(height)}}px;background:{{Html.Paper}}"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{figureJson}};
              var config = { responsive: true, displaylogo: false };
              function draw(plotly) { plotly.newPlot('{{id}}', figure.data, figure.layout, config); }
              if (typeof window.Plotly !== 'undefined') {
                draw(window.Plotly);
              } else if (typeof window.requirejs === 'function' || (typeof window.require === 'function' && typeof window.require.config === 'function')) {
                var req = window.requirejs || window.require;
                req.config({ paths: { plotly: '{{cdnBase}}' } });
                req(['plotly'], draw);
              } else {
                var src = '{{Figure.PlotlyCdnUrl}}';
                var script = document.querySelector('script[src="' + src + '"]');
                if (!script) {
                  script = document.createElement('script');
                  script.src = src;
                  document.head.appendChild(script);
                }
                script.addEventListener('load', function () { draw(window.Plotly); });
              }
            })();
            </script>
            """);
    }
}
