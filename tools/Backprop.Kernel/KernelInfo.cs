using System.Reflection;
using System.Text.Json.Nodes;
using Backprop.Kernel.Protocol;
using Microsoft.CodeAnalysis.CSharp;

namespace Backprop.Kernel;

/// <summary>kernel_info_reply content: who we are and the language, named as Polyglot Notebooks names it.</summary>
internal static class KernelInfo
{
    public const string LanguageName = "C#";
    public const string MimeType = "text/x-csharp";

    public static string Version { get; } =
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "backprop-kernel",
        ["implementation_version"] = Version,
        ["language_info"] = new JsonObject
        {
            // "C#" is what Polyglot writes; VS Code maps it to its "csharp" editor language.
            ["name"] = LanguageName,
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = MimeType,
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = MimeType,
        },
        ["banner"] = $"Backprop C# kernel {Version}: Roslyn scripting, the same engine as backprop-run.",
        ["help_links"] = new JsonArray
        {
            new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
        },
        ["debugger"] = false,
    };
}
