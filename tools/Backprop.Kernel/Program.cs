using System;
using System.Collections.Generic;
using System.IO;
using Backprop.Kernel.Install;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel;

/// <summary>backprop-kernel: <c>install</c>/<c>uninstall</c> the kernelspec, or run the kernel on a connection file.</summary>
public static class Program
{
    private const string Usage = """
        usage:
          backprop-kernel install   [--user | --prefix P | --path DIR] [--name NAME] [--force]
          backprop-kernel uninstall [--user | --prefix P | --path DIR] [--name NAME] [--force]
          backprop-kernel CONNECTION_FILE     (what Jupyter runs, from kernel.json)

          --user       the user's Jupyter kernels folder (default; $JUPYTER_DATA_DIR/kernels when set)
          --prefix P   P/share/jupyter/kernels (e.g. a virtual environment)
          --path DIR   DIR itself is the kernels folder
          --name NAME  kernel name (default backprop-csharp; .net-csharp opens Polyglot notebooks unchanged)
          --force      replace or remove a kernelspec that another kernel installed
        """;

    public static int Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["install", .. var rest] => Install(rest, uninstall: false),
                ["uninstall", .. var rest] => Install(rest, uninstall: true),
                [] or ["-h" or "--help" or "help"] => Help(args.Length == 0 ? 2 : 0),
                [var file] when !file.StartsWith('-') => KernelHost.Run(ConnectionInfo.Load(file), Console.Error),
                _ => Help(2),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"backprop-kernel: {e.Message}");
            return 1;
        }
    }

    private static int Help(int code)
    {
        (code == 0 ? Console.Out : Console.Error).WriteLine(Usage);
        return code;
    }

    private static int Install(IReadOnlyList<string> args, bool uninstall)
    {
        string? directory = null;
        var name = KernelSpecInstaller.DefaultName;
        var force = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--user":
                    directory = KernelSpecLocation.UserKernelsDirectory();
                    break;
                case "--prefix":
                    directory = KernelSpecLocation.PrefixKernelsDirectory(Value());
                    break;
                case "--path":
                    directory = Path.GetFullPath(Value());
                    break;
                case "--name":
                    name = Value();
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        directory ??= KernelSpecLocation.UserKernelsDirectory();
        if (uninstall)
        {
            var removed = KernelSpecInstaller.Uninstall(directory, name, force);
            Console.WriteLine(removed ? $"Removed kernelspec {Path.Combine(directory, name)}" : $"No kernelspec {name} in {directory}");
            return 0;
        }

        var target = KernelSpecInstaller.Install(directory, name, force);
        Console.WriteLine($"Installed kernelspec {name} in {target}");
        Console.WriteLine($"Pick \"{KernelSpecInstaller.DisplayNameFor(name)}\" as the kernel in VS Code (Jupyter extension), JupyterLab or `jupyter console --kernel {name}`.");
        return 0;
    }
}
