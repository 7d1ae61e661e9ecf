#!/usr/bin/env bash
# Builds Verso's command-line runner (DataficationSDK/Verso, MIT) from a copy of its source, for the test that runs
# every lesson through `verso run` (tests/Backprop.Lessons.Tests/VersoLessonTests.cs). Nothing is downloaded but
# NuGet packages; the Verso source folder is only read (build output goes to its bin/ and obj/ folders).
#
#   tools/verso/build-verso.sh <Verso source folder>      e.g. a clone of github.com/DataficationSDK/Verso
#
# Writes artifacts/verso/Verso.Cli.dll; run a lesson with `cd notebooks && dotnet ../artifacts/verso/Verso.Cli.dll run 01-computational-graph.ipynb`.
set -euo pipefail

source_dir=${1:?usage: tools/verso/build-verso.sh <Verso source folder>}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
project="$source_dir/src/Verso.Cli/Verso.Cli.csproj"
[[ -f "$project" ]] || { echo "build-verso.sh: no src/Verso.Cli/Verso.Cli.csproj in $source_dir" >&2; exit 1; }

# Verso.Overrides.targets retargets to .NET 10 and moves package versions to the served ones (see its comment).
dotnet build "$project" -c Release -nologo -v minimal \
  "-p:BeforeMicrosoftNETSdkTargets=$here/Verso.Overrides.targets"

out="$repo/artifacts/verso"
rm -rf "$out.tmp"
cp -r "$source_dir/src/Verso.Cli/bin/Release/net10.0" "$out.tmp"
rm -rf "$out"
mv "$out.tmp" "$out"
echo "Verso's CLI: $out/Verso.Cli.dll"
