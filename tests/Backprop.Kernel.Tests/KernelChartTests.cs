using System;
using System.IO;
using System.Linq;
using Backprop.Kernel.Execution;
using Backprop.Kernel.Protocol;
using Backprop.Notebooks;

namespace Backprop.Kernel.Tests;

/// <summary>Charts from the kernel: a static picture beside the HTML, plotly.js from the kit once per session, no URL.</summary>
public sealed class KernelChartTests : IDisposable
{
    private readonly InProcessKernel _kernel = new(EngineExecutor.Create(TextWriter.Null));

    public void Dispose() => _kernel.Dispose();

    [Fact]
    public void ChartOutputs_CarrySvg_AndPlotlyComesOnceFromTheKit_LoadingNoUrl()
    {
        var lib = Path.Combine(JupyterNotebookTests.RepositoryRoot(), "artifacts", "lib", "Backprop.Lib.dll");
        Assert.True(File.Exists(lib), $"{lib} is built by the kernel project (Backprop.Lib reference).");
        Run($"#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"{lib}\"");

        var charts = new[]
        {
            Run("Backprop.Chart.Line(new[] { 0.0, 1 }, new[] { 0.0, 1 }, \"y\")").Single(m => m.MessageType == "execute_result"),
            Run("display(Backprop.Chart.Bar(new[] { \"a\" }, new[] { 1.0 }));").Single(m => m.MessageType == "display_data"),
            Run("Backprop.Chart.Loss(new[] { 2.3, 1.0 })").Single(m => m.MessageType == "execute_result"),
        }.Select(m => m.Content["data"]!).ToList();

        Assert.All(charts, data => Assert.StartsWith("<svg", (string?)data["image/svg+xml"]));
        var html = charts.Select(data => (string)data["text/html"]!).ToList();
        Assert.StartsWith(PlotlyScript.Loader, html[0]);
        Assert.Contains("plotly.js 2.28.0 (MIT), shipped with the kit", html[0]);
        Assert.All(html.Skip(1), h => Assert.DoesNotContain("data-bp-plotly", h));
        foreach (var chart in html.Select(PlotlyOnce.WithoutLoader))
        {
            Assert.DoesNotContain("src=", chart);
            Assert.DoesNotContain("href=", chart);
            Assert.DoesNotContain("//", chart.Replace("http://www.w3.org/2000/svg", string.Empty));
        }
    }

    private System.Collections.Generic.List<JupyterMessage> Run(string code)
    {
        var (reply, published) = _kernel.Client.Request(Channel.Shell, "execute_request", EngineKernelTests.Execute(code));
        Assert.True((string?)reply.Content["status"] == "ok", reply.Content.ToJsonString());
        return published.ToList();
    }
}
