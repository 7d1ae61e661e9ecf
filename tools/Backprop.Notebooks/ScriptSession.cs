using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Backprop.Notebooks;

/// <summary>
/// One C# notebook session on Roslyn scripting, like the Polyglot C# kernel: the first cell through CSharpScript,
/// every later one continuing the previous state; default usings, display/HTML, #r nuget and #r path, #!time.
/// </summary>
public sealed class ScriptSession : IDisposable
{
    private static readonly string[] DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        "Backprop.Notebooks.NotebookHelpers",
    ];

    private readonly ScriptSessionOptions _options;
    private readonly NuGetRestorer _restorer;
    private readonly Dictionary<string, (string Name, string? Version)> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sources = new();
    private IReadOnlyList<string>? _configSources;
    private readonly Dictionary<string, MetadataReference> _references = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ScriptOptions _scriptOptions;
    private ScriptState<object>? _state;
    private int _executionCount;

    public ScriptSession(ScriptSessionOptions? options = null)
    {
        _options = options ?? new ScriptSessionOptions();
        _restorer = new NuGetRestorer(_options.NuGetCacheRoot, _options.NuGetSources);
        ConsoleRouter.Install();
        AssemblyRegistry.Install();
        ValueFormatter.Reset();
        _scriptOptions = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports)
            .WithReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(NotebookHelpers).Assembly,
                typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly, typeof(Microsoft.AspNetCore.Html.IHtmlContent).Assembly)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithAllowUnsafe(true)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_options.WorkingDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(_options.WorkingDirectory));
    }

    /// <summary>Number of cells executed so far (Jupyter's execution_count of the last one).</summary>
    public int ExecutionCount => _executionCount;

    /// <summary>True once a cancelled cell did not stop (stuck in library code); later cells are refused.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>True when <paramref name="code"/> is a complete submission (Jupyter is_complete).</summary>
    public static bool IsComplete(string code) =>
        SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(code, ParseOptions));

    internal static CSharpParseOptions ParseOptions { get; } =
        new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public Task<CellResult> ExecuteAsync(string code, ICellOutputSink sink, CancellationToken cancellationToken = default) =>
        ExecuteAsync(code, sink, new CellLocation(), cancellationToken);

    /// <summary>
    /// Runs one cell. Outputs go to <paramref name="sink"/> as they happen; the error, if any, is in the result.
    /// Cancelling the token stops user loops (timeout, interrupt); the session keeps its state.
    /// </summary>
    public Task<CellResult> ExecuteAsync(string code, ICellOutputSink sink, CellLocation location, CancellationToken cancellationToken) =>
        ExecuteAsync(code, sink, location, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>
    /// Runs one cell with a time limit on its execution (restore and compile not counted): past it the cell is
    /// cancelled like an interrupt and the result is <see cref="CellStatus.TimedOut"/>.
    /// </summary>
    public async Task<CellResult> ExecuteAsync(string code, ICellOutputSink sink, CellLocation location, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            var count = ++_executionCount;
            var clock = Stopwatch.StartNew();
            CellResult Done(CellStatus status, CellOutput? error) => new(status, error, clock.Elapsed, count);

            if (IsBroken)
            {
                return Done(CellStatus.Failed, ErrorOutputs.Simple("SessionStuck", "An earlier cell could not be stopped; restart the session."));
            }

            var directives = CellDirectives.Parse(code);
            if (directives.Errors.Count > 0)
            {
                return Done(CellStatus.Failed, ErrorOutputs.Lines("DirectiveError", directives.Errors, location));
            }

            var referenceError = await AddReferencesAsync(directives, sink, cancellationToken);
            if (referenceError is not null)
            {
                return Done(CellStatus.Failed, referenceError);
            }

            if (string.IsNullOrWhiteSpace(directives.Code))
            {
                return Done(CellStatus.Succeeded, null);
            }

            var injected = LoopCancellationInjector.Inject(directives.Code, ParseOptions);
            var script = _state is null
                ? CSharpScript.Create<object>(injected.Code, _scriptOptions)
                : _state.Script.ContinueWith<object>(injected.Code, _scriptOptions);
            var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                return Done(CellStatus.Failed, ErrorOutputs.Compilation(errors, injected, directives.Code, location));
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            (ScriptState<object>? State, bool Stuck) result;
            try
            {
                result = await RunAsync(script, sink, directives.Time, timer.Token);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested)
            {
                result = (null, false);
            }

            var stopped = timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? CellStatus.TimedOut : CellStatus.Cancelled;
            var stopMessage = stopped == CellStatus.TimedOut
                ? $"The cell timed out after {timeout.TotalSeconds:0.###} s."
                : "The cell was cancelled.";
            if (result.Stuck)
            {
                IsBroken = true;
                return Done(stopped, ErrorOutputs.Simple("OperationCanceledException", stopMessage + " It did not stop (stuck outside user loops); the session must restart."));
            }

            if (result.State is not { } state)
            {
                return Done(stopped, ErrorOutputs.Simple("OperationCanceledException", stopMessage));
            }

            _state = state;
            if (state.Exception is { } ex)
            {
                if (ex is OperationCanceledException && timer.IsCancellationRequested)
                {
                    return Done(stopped, ErrorOutputs.Simple("OperationCanceledException", stopMessage));
                }

                return Done(CellStatus.Failed, ErrorOutputs.Runtime(ex, location));
            }

            if (HasTrailingValue(script.GetCompilation()))
            {
                sink.Write(CellOutput.Result(ValueFormatter.Format(state.ReturnValue), count));
            }

            return Done(CellStatus.Succeeded, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new CellResult(CellStatus.Cancelled, ErrorOutputs.Simple("OperationCanceledException", "The cell was cancelled."), TimeSpan.Zero, _executionCount);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(ScriptState<object>? State, bool Stuck)> RunAsync(Script<object> script, ICellOutputSink sink, bool time, CancellationToken cancellationToken)
    {
        var previous = _state;
        var folder = _options.WorkingDirectory;
        var clock = Stopwatch.StartNew();
        var run = Task.Run(
            async () =>
            {
                ExecutionScope.Current = new ExecutionScope(sink, cancellationToken);
                if (Directory.Exists(folder))
                {
                    Directory.SetCurrentDirectory(folder);
                }

                try
                {
                    return previous is null
                        ? await script.RunAsync(null, _ => true, cancellationToken)
                        : await script.RunFromAsync(previous, _ => true, cancellationToken);
                }
                finally
                {
                    ExecutionScope.Current = null;
                }
            },
            CancellationToken.None);
        try
        {
            var state = await run.WaitAsync(cancellationToken);
            WriteTime(sink, time, clock);
            return (state, false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Loops check the token; give the cell a moment to unwind before calling it stuck.
            if (await Task.WhenAny(run, Task.Delay(_options.StopGrace, CancellationToken.None)) != run)
            {
                return (null, true);
            }

            try
            {
                var state = await run;
                WriteTime(sink, time, clock);
                return (state, false);
            }
            catch (OperationCanceledException)
            {
                // RunFromAsync threw before running anything: the previous state is still good.
                throw;
            }
        }
    }

    /// <summary>A last statement that is an expression without ';' and of a non-void type is the cell's value.</summary>
    private static bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        var last = tree.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().LastOrDefault();
        if (last?.Statement is not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement)
        {
            return false;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static void WriteTime(ICellOutputSink sink, bool time, Stopwatch clock)
    {
        if (time)
        {
            var text = $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}ms";
            sink.Write(CellOutput.Display(new Dictionary<string, string> { ["text/plain"] = text }));
        }
    }

    private async Task<CellOutput?> AddReferencesAsync(CellDirectives directives, ICellOutputSink sink, CancellationToken cancellationToken)
    {
        // #i "nuget: folder" is taken from the notebook's folder, as Verso takes it from its working directory.
        _sources.AddRange(directives.Sources.Select(s => NuGetConfigSources.Absolute(s, _options.WorkingDirectory)).Except(_sources));
        var added = new List<(string Name, string? Version)>();
        foreach (var (name, version, line) in directives.Packages)
        {
            if (_packages.TryGetValue(name, out var existing))
            {
                if (version is not null && existing.Version is not null && !string.Equals(version, existing.Version, StringComparison.OrdinalIgnoreCase))
                {
                    return ErrorOutputs.Simple("NuGetError", $"{name} version {version} cannot be added because version {existing.Version} was added previously.");
                }

                continue;
            }

            added.Add((name, version));
        }

        var paths = new List<string>();
        if (added.Count > 0)
        {
            var all = _packages.Values.Concat(added).ToArray();
            _options.Log?.Invoke("Restoring " + string.Join(", ", added.Select(p => $"{p.Name} {p.Version}".Trim())) + "…");
            try
            {
                _configSources ??= NuGetConfigSources.Find(_options.WorkingDirectory);
                paths.AddRange(await _restorer.RestoreAsync(all, _sources.Concat(_configSources.Except(_sources)).ToList(), cancellationToken));
            }
            catch (NuGetRestoreException e)
            {
                return ErrorOutputs.Simple("NuGetError", e.Message);
            }

            foreach (var p in added)
            {
                _packages[p.Name] = p;
            }

            var list = string.Join("\n", added.Select(p => $" - {p.Name}, {p.Version ?? "*"}"));
            var html = "<div><strong>Installed Packages</strong><ul>"
                + string.Concat(added.Select(p => $"<li><span>{System.Net.WebUtility.HtmlEncode(p.Name)}, {System.Net.WebUtility.HtmlEncode(p.Version ?? "*")}</span></li>"))
                + "</ul></div>";
            sink.Write(CellOutput.Display(new Dictionary<string, string> { ["text/html"] = html, ["text/plain"] = "Installed Packages\n" + list }));
        }

        foreach (var (path, line) in directives.References)
        {
            var full = Path.GetFullPath(Path.Combine(_options.WorkingDirectory, path));
            if (!File.Exists(full))
            {
                return ErrorOutputs.Simple("ReferenceError", $"line {line}: #r \"{path}\": file not found ({full}).");
            }

            paths.Add(full);
            AssemblyRegistry.RegisterFolder(Path.GetDirectoryName(full)!);
        }

        foreach (var path in paths)
        {
            AddReference(path);
        }

        return null;
    }

    private void AddReference(string path)
    {
        AssemblyName name;
        try
        {
            name = AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            return;
        }

        var simple = name.Name ?? Path.GetFileNameWithoutExtension(path);
        if (AssemblyRegistry.IsPlatform(simple) || _references.ContainsKey(simple))
        {
            return;
        }

        // One file per simple name for the whole process: a second copy (MathNet from NuGet and beside a DLL) is not loaded.
        var registered = AssemblyRegistry.Register(path);
        var reference = AssemblyMetadata.CreateFromImage(File.ReadAllBytes(registered)).GetReference(filePath: null, display: registered);
        _references[simple] = reference;
        _scriptOptions = _scriptOptions.AddReferences(reference);
    }

    /// <summary>Completion candidates at <paramref name="cursor"/> in <paramref name="code"/>, seeing earlier cells' variables.</summary>
    public Task<CompletionList> GetCompletionsAsync(string code, int cursor, CancellationToken cancellationToken = default) =>
        Task.Run(() => Completions.Get(_state?.Script, _scriptOptions, code, cursor, cancellationToken), cancellationToken);

    public void Dispose() => _gate.Dispose();
}
