using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Backprop.Tests;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (a websocket, no package): open a page offline,
/// evaluate script in it, emulate print media or turn scripts off, and see which URLs it requested.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly string _profile;
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _id;

    private ChromiumSession(Process browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>Every URL the page asked for (Network.requestWillBeSent).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<ChromiumSession> StartAsync(int width = 1280, int height = 900)
    {
        Assert.True(File.Exists(HeadlessChromium.Path), $"{HeadlessChromium.Path} is missing: .ci/run installs it (apt-get install chromium).");
        var profile = Path.Combine(Path.GetTempPath(), "backprop-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        var psi = new ProcessStartInfo(HeadlessChromium.Path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var browser = Process.Start(psi)!;
        var session = new ChromiumSession(browser, profile);
        await session.ConnectAsync();
        return session;
    }

    private async Task ConnectAsync()
    {
        string? line;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((line = await _browser.StandardError.ReadLineAsync()) is not null && !line.Contains("DevTools listening on ", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "chromium did not open its DevTools port");
        }

        Assert.True(line is not null, "chromium exited before opening its DevTools port");
        var port = new Uri(line![(line.IndexOf("ws://", StringComparison.Ordinal))..]).Port;
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false });
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await _socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        _ = Task.Run(ReadLoop);
        _ = _browser.StandardError.ReadToEndAsync();
        await SendAsync("Page.enable");
        await SendAsync("Network.enable");
    }

    public async Task OpenAsync(string path)
    {
        _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(path).AbsoluteUri });
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public Task PrintMediaAsync() => SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = "print" });

    public Task ScriptsOffAsync() => SendAsync("Emulation.setScriptExecutionDisabled", new JsonObject { ["value"] = true });

    public Task ViewportAsync(int width, int height) => SendAsync("Emulation.setDeviceMetricsOverride",
        new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });

    /// <summary>The fonts that drew the text of the first element matching <paramref name="selector"/>: family, whether a web font, glyphs.</summary>
    public async Task<JsonArray> FontsUsedAsync(string selector)
    {
        await SendAsync("DOM.enable");
        await SendAsync("CSS.enable");
        var root = await SendAsync("DOM.getDocument");
        var node = await SendAsync("DOM.querySelector", new JsonObject { ["nodeId"] = root["root"]!["nodeId"]!.DeepClone(), ["selector"] = selector });
        var fonts = await SendAsync("CSS.getPlatformFontsForNode", new JsonObject { ["nodeId"] = node["nodeId"]!.DeepClone() });
        return fonts["fonts"]!.AsArray();
    }

    /// <summary>The value of a JavaScript expression in the page (promises awaited), as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var reply = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        Assert.True(reply["exceptionDetails"] is null, $"{expression} threw: {reply["exceptionDetails"]}");
        return reply["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until the expression is true (charts drawing after load), failing after 20 s.</summary>
    public async Task WaitForAsync(string expression)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
        {
            if ((await EvaluateAsync(expression))?.GetValueKind() == JsonValueKind.True)
            {
                return;
            }
        }

        Assert.Fail($"still not true after 20 s: {expression}");
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _id);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var answer = await reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(answer["error"] is null, $"{method} failed: {answer["error"]}");
        return answer["result"]?.AsObject() ?? new JsonObject();
    }

    private async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult part;
            try
            {
                part = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                return;
            }

            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage)
            {
                continue;
            }

            var json = JsonNode.Parse(message.ToArray())!.AsObject();
            message.SetLength(0);
            if (json["id"] is { } id && _pending.TryRemove((int)id, out var waiting))
            {
                waiting.SetResult(json);
            }
            else if ((string?)json["method"] == "Page.loadEventFired")
            {
                _loaded.TrySetResult();
            }
            else if ((string?)json["method"] == "Network.requestWillBeSent" && (string?)json["params"]?["request"]?["url"] is { } url)
            {
                Requests.Enqueue(url);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _socket.Abort();
            _browser.Kill(entireProcessTree: true);
            await _browser.WaitForExitAsync();
        }
        finally
        {
            _socket.Dispose();
            _browser.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; the folder is in the temp area.
            }
        }
    }
}
