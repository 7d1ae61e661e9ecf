#!/usr/bin/env bash
# The book's full MNIST run (train_neuralnet.py), our C# against numpy + OpenBLAS, interleaved
# numpy, C#, numpy, C#, ... for --rounds rounds (default 3), then the workload's matrix products on both.
# Prints a markdown report (docs/benchmarks.md holds one). Needs /usr/bin/python3 with python3-numpy,
# libopenblas0-pthread and dataset-fashion-mnist (or MNIST IDX files in /usr/share/datasets/mnist).
#   bench/run.sh [--rounds 3] [--iters 10000] [--verify-iters 1200]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tools/Backprop.Benchmarks -c Release -nologo -v quiet
exec dotnet tools/Backprop.Benchmarks/bin/Release/net10.0/Backprop.Benchmarks.dll full "$@"
