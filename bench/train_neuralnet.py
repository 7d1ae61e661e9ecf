#!/usr/bin/python3
"""The book's ch05/train_neuralnet.py in numpy, timed: the reference our C# run is measured against.

The network, the layers and the loop are the book's (common/layers.py, ch05/two_layer_net.py,
ch05/train_neuralnet.py) in float64, on the same IDX files the C# benchmark reads.

  /usr/bin/python3 bench/train_neuralnet.py full [--iters 10000] [--seed 0]   -> one JSON line
  /usr/bin/python3 bench/train_neuralnet.py gemm                              -> one JSON line
  /usr/bin/python3 bench/train_neuralnet.py steps [--iters 10000]             -> ms per part of a step
"""
import argparse
import ctypes
import gzip
import json
import os
import sys
import time
from collections import OrderedDict

import numpy as np

DATA_DIRS = ["/usr/share/datasets/mnist", "/usr/share/datasets/fashion-mnist"]


# --- common/functions.py -------------------------------------------------------------
def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)  # for overflow
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


# --- common/layers.py ----------------------------------------------------------------
class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        return (self.y - self.t) / batch_size


# --- ch05/two_layer_net.py -----------------------------------------------------------
class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['Relu1'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.lastLayer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        grads = {}
        grads['W1'], grads['b1'] = self.layers['Affine1'].dW, self.layers['Affine1'].db
        grads['W2'], grads['b2'] = self.layers['Affine2'].dW, self.layers['Affine2'].db
        return grads


# --- dataset/mnist.py: load_mnist(normalize=True, one_hot_label=True), float64 ------
def read_idx(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(data_dir):
    def images(name):
        return read_idx(os.path.join(data_dir, name)).reshape(-1, 784).astype(np.float64) / 255.0

    def one_hot(name):
        labels = read_idx(os.path.join(data_dir, name))
        t = np.zeros((labels.size, 10))
        t[np.arange(labels.size), labels] = 1
        return t

    return (images('train-images-idx3-ubyte.gz'), one_hot('train-labels-idx1-ubyte.gz'),
            images('t10k-images-idx3-ubyte.gz'), one_hot('t10k-labels-idx1-ubyte.gz'))


def find_data():
    for d in DATA_DIRS:
        if os.path.exists(os.path.join(d, 'train-images-idx3-ubyte.gz')):
            return d
    sys.exit('no MNIST or Fashion-MNIST IDX files in ' + ', '.join(DATA_DIRS))


def blas_info():
    """Which BLAS numpy really calls: the library mapped into this process after a product."""
    a = np.ones((64, 64))
    a @ a
    libs = sorted({line.split()[-1] for line in open('/proc/self/maps') if 'blas' in line.lower()})
    info = {'libraries': libs, 'openblas': any('openblas' in lib for lib in libs)}
    for lib in libs:
        if 'libblas' in lib or 'openblas' in lib:
            try:
                so = ctypes.CDLL(lib)
                so.openblas_get_config.restype = ctypes.c_char_p
                so.openblas_get_corename.restype = ctypes.c_char_p
                info['config'] = so.openblas_get_config().decode()
                info['core'] = so.openblas_get_corename().decode()
                info['threads'] = so.openblas_get_num_threads()
                break
            except (OSError, AttributeError):
                pass
    info['OPENBLAS_CORETYPE'] = os.environ.get('OPENBLAS_CORETYPE')
    return info


def full(args):
    data_dir = find_data()
    x_train, t_train, x_test, t_test = load(data_dir)
    np.random.seed(args.seed)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)

    iters_num = args.iters
    train_size = x_train.shape[0]
    batch_size = 100
    learning_rate = 0.1
    iter_per_epoch = max(train_size / batch_size, 1)
    train_acc_list, test_acc_list, train_loss_list = [], [], []
    step_seconds = 0.0
    eval_seconds = 0.0
    evaluations = 0

    start = time.perf_counter()
    for i in range(iters_num):
        t0 = time.perf_counter()
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= learning_rate * grad[key]
        loss = network.loss(x_batch, t_batch)
        train_loss_list.append(loss)
        t1 = time.perf_counter()
        step_seconds += t1 - t0
        if i % iter_per_epoch == 0:
            train_acc_list.append(network.accuracy(x_train, t_train))
            test_acc_list.append(network.accuracy(x_test, t_test))
            eval_seconds += time.perf_counter() - t1
            evaluations += 1
    total = time.perf_counter() - start

    print(json.dumps({
        'implementation': 'numpy', 'data': data_dir, 'iterations': iters_num, 'evaluations': evaluations,
        'full_seconds': total, 'iteration_seconds': step_seconds / iters_num,
        'evaluation_seconds': eval_seconds / max(evaluations, 1),
        'train_accuracy': train_acc_list[-1], 'test_accuracy': test_acc_list[-1],
        'train_accuracies': train_acc_list, 'test_accuracies': test_acc_list, 'final_loss': train_loss_list[-1],
        'numpy': np.__version__, 'blas': blas_info(),
    }))


STEP_PARTS = ['draw + x_train[batch_mask]', 'Affine1.forward', 'Relu1.forward', 'Affine2.forward', 'SoftmaxWithLoss.forward',
              'SoftmaxWithLoss.backward', 'Affine2.backward', 'Relu1.backward', 'Affine1.backward',
              'params[key] -= learning_rate * grad[key]', 'the extra loss']


def steps(args):
    """Where one step goes, in the order network.gradient calls the layers (Backprop.Benchmarks steps does the same)."""
    x_train, t_train, _, _ = load(find_data())
    np.random.seed(args.seed)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    layers = list(network.layers.values())
    seconds = [0.0] * len(STEP_PARTS)
    warmup = args.iters // 5
    for i in range(args.iters):
        times = [time.perf_counter()]
        batch_mask = np.random.choice(x_train.shape[0], 100)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        times.append(time.perf_counter())
        x = x_batch
        for layer in layers:
            x = layer.forward(x)
            times.append(time.perf_counter())
        network.lastLayer.forward(x, t_batch)
        times.append(time.perf_counter())
        dout = network.lastLayer.backward(1)
        times.append(time.perf_counter())
        for layer in reversed(layers):
            dout = layer.backward(dout)
            times.append(time.perf_counter())
        grad = {'W1': network.layers['Affine1'].dW, 'b1': network.layers['Affine1'].db,
                'W2': network.layers['Affine2'].dW, 'b2': network.layers['Affine2'].db}
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= 0.1 * grad[key]
        times.append(time.perf_counter())
        network.loss(x_batch, t_batch)
        times.append(time.perf_counter())
        if i >= warmup:
            for p in range(len(STEP_PARTS)):
                seconds[p] += times[p + 1] - times[p]
    counted = args.iters - warmup
    print(f'ms per step over {counted} steps (the first {warmup} warm up):')
    for name, s in zip(STEP_PARTS, seconds):
        print(f'  {name:<42} {s * 1e3 / counted:7.3f}')
    print(f'  {"total":<42} {sum(seconds) * 1e3 / counted:7.3f}')


SHAPES = [  # (name, m, k, n, transA, transB) as the workload calls them
    ('x·W1 (forward)', 100, 784, 50, False, False),
    ('xᵀ·dout (dW1)', 784, 100, 50, True, False),
    ('dout·W1ᵀ (dx1)', 100, 50, 784, False, True),
    ('x·W1 (evaluation)', 60000, 784, 50, False, False),
]


def gemm(args):
    rng = np.random.default_rng(1)
    results = []
    for name, m, k, n, ta, tb in SHAPES:
        a = rng.standard_normal((k, m) if ta else (m, k))
        b = rng.standard_normal((n, k) if tb else (k, n))
        aa = a.T if ta else a
        bb = b.T if tb else b
        reps = max(3, int(2e9 / (2 * m * n * k)))
        out = np.empty((m, n))
        np.dot(aa, bb, out=out)
        best = float('inf')
        for _ in range(3):
            t0 = time.perf_counter()
            for _ in range(reps):
                np.dot(aa, bb, out=out)
            best = min(best, (time.perf_counter() - t0) / reps)
        results.append({'shape': name, 'm': m, 'k': k, 'n': n, 'seconds': best, 'gflops': 2 * m * n * k / best / 1e9})
    print(json.dumps({'implementation': 'numpy', 'gemm': results, 'blas': blas_info()}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('mode', choices=['full', 'gemm', 'steps', 'blas'])
    parser.add_argument('--iters', type=int, default=10000)
    parser.add_argument('--seed', type=int, default=0)
    args = parser.parse_args()
    if args.mode == 'full':
        full(args)
    elif args.mode == 'gemm':
        gemm(args)
    elif args.mode == 'steps':
        steps(args)
    else:
        print(json.dumps(blas_info()))


if __name__ == '__main__':
    main()
