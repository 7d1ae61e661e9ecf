#:project ../Backprop.Lib.csproj
// Downloads full MNIST (60,000 / 10,000) into data/mnist, every file checked against its published SHA-256.
//   dotnet run data/download-mnist.cs            (from anywhere inside the repository)
//   dotnet run data/download-mnist.cs -- DIR     (into another folder; Mnist.Load(directory: DIR) reads it)
using System;
using System.IO;
using Backprop;

try
{
    var downloader = args.Length > 0 ? new MnistDownloader(args[0]) : MnistDownloader.Default();
    Console.WriteLine(Mnist.Download(downloader));
    return 0;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"download-mnist: {e.Message}");
    return 1;
}
