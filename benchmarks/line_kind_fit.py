"""Multinomial logistic regression in numpy, for the line-kind model's two stages.

The first stage has a hundred thousand hashed features of which a line holds about a hundred, so
it is fitted on sparse rows by minibatch Adam that only touches the weights a batch uses; the
second stage's few dense features are fitted the same way on dense rows. Batches are drawn with a
fixed seed, so a fit gives the same weights every run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

BATCH = 2048
LEARNING_RATE = 0.01
L2 = 1e-6
_BETAS = (0.9, 0.999)
_EPSILON = 1e-8


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Rows in compressed form: row i holds `indices[indptr[i]:indptr[i + 1]]` with `values`."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def keeping(self, usable: np.ndarray) -> SparseRows:
        """The same rows with only the entries of `usable` features."""
        keep = usable[self.indices]
        counts = np.bincount(np.repeat(np.arange(len(self)), np.diff(self.indptr))[keep], minlength=len(self))
        return SparseRows(np.concatenate(([0], np.cumsum(counts))), self.indices[keep], self.values[keep])

    def take(self, rows: np.ndarray) -> SparseRows:
        sizes = self.indptr[rows + 1] - self.indptr[rows]
        indptr = np.concatenate(([0], np.cumsum(sizes)))
        picked = np.repeat(self.indptr[rows] - indptr[:-1], sizes) + np.arange(indptr[-1])
        return SparseRows(indptr, self.indices[picked], self.values[picked])


class _Adam:
    """Adam over the rows of a weight matrix, updating only the rows a step names."""

    def __init__(self, weights: np.ndarray) -> None:
        self.weights = weights
        self.first = np.zeros_like(weights)
        self.second = np.zeros_like(weights)
        self.steps = 0

    def step(self, rows: np.ndarray | slice, gradient: np.ndarray) -> None:
        self.steps += 1
        beta1, beta2 = _BETAS
        gradient = gradient + L2 * self.weights[rows]
        self.first[rows] = beta1 * self.first[rows] + (1 - beta1) * gradient
        self.second[rows] = beta2 * self.second[rows] + (1 - beta2) * gradient**2
        rate = LEARNING_RATE * np.sqrt(1 - beta2**self.steps) / (1 - beta1**self.steps)
        self.weights[rows] -= rate * self.first[rows] / (np.sqrt(self.second[rows]) + _EPSILON)


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _residuals(scores: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The gradient of the weighted mean cross-entropy with respect to the scores."""
    residual = _softmax(scores)
    residual[np.arange(len(labels)), labels] -= 1.0
    return residual * (weights / max(weights.sum(), 1e-9))[:, None]


def _batches(count: int, epochs: int, seed: int) -> Iterator[tuple[int, np.ndarray]]:
    """Each minibatch's number and row numbers: a fixed shuffle into batches, their order
    reshuffled each epoch."""
    rng = np.random.default_rng(seed)
    batches = np.array_split(rng.permutation(count), max(1, -(-count // BATCH)))
    for _ in range(epochs):
        for number in rng.permutation(len(batches)):
            yield number, batches[number]


def fit_sparse(
    rows: SparseRows, labels: np.ndarray, weights: np.ndarray, usable: np.ndarray, kinds: int, *, epochs: int, seed: int
) -> np.ndarray:
    """Weights (features x kinds) of a softmax regression on sparse rows, learning only the
    `usable` features (the others keep weight 0); rows of weight 0 are skipped."""
    used = np.flatnonzero(weights > 0)
    rows = rows.keeping(usable)
    adam = _Adam(np.zeros((len(usable), kinds), dtype=np.float32))
    prepared: dict[int, _SparseBatch] = {}
    for number, batch in _batches(len(used), epochs, seed):
        if number not in prepared:
            picked = used[batch]
            prepared[number] = _SparseBatch.of(rows.take(picked), labels[picked], weights[picked])
        part = prepared[number]
        scores = np.add.reduceat(adam.weights.take(part.indices, axis=0) * part.values[:, None], part.starts, axis=0)
        residual = _residuals(scores, part.labels, part.weights)
        per_entry = residual[part.entry_rows] * part.values[:, None]
        gradient = np.add.reduceat(per_entry[part.by_feature], part.feature_starts, axis=0)
        adam.step(part.features, gradient)
    return adam.weights


@dataclass(frozen=True, slots=True)
class _SparseBatch:
    """A minibatch with what its forward and backward passes need, worked out once."""

    indices: np.ndarray
    values: np.ndarray
    starts: np.ndarray  # where each row's entries start
    entry_rows: np.ndarray  # the row of each entry
    features: np.ndarray  # the distinct features the batch uses
    by_feature: np.ndarray  # entries ordered by feature
    feature_starts: np.ndarray  # where each distinct feature's entries start in that order
    labels: np.ndarray
    weights: np.ndarray

    @classmethod
    def of(cls, rows: SparseRows, labels: np.ndarray, weights: np.ndarray) -> _SparseBatch:
        by_feature = np.argsort(rows.indices, kind="stable")
        ordered = rows.indices[by_feature]
        feature_starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        entry_rows = np.repeat(np.arange(len(rows)), np.diff(rows.indptr))
        return cls(
            rows.indices,
            rows.values,
            rows.indptr[:-1],
            entry_rows,
            ordered[feature_starts],
            by_feature,
            feature_starts,
            labels,
            weights,
        )


def fit_dense(
    rows: np.ndarray, labels: np.ndarray, weights: np.ndarray, kinds: int, *, epochs: int, seed: int
) -> np.ndarray:
    """Weights (columns x kinds) of a softmax regression on dense rows; rows of weight 0 are skipped."""
    used = np.flatnonzero(weights > 0)
    adam = _Adam(np.zeros((rows.shape[1], kinds), dtype=np.float64))
    for _, batch in _batches(len(used), epochs, seed):
        picked = used[batch]
        residual = _residuals(rows[picked] @ adam.weights, labels[picked], weights[picked])
        adam.step(slice(None), rows[picked].T @ residual)
    return adam.weights
