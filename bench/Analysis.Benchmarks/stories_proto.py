"""Prototype of story grouping over what `stories-export` wrote, for trying weightings and graph rules in seconds
before writing them in C#. With no option it reproduces `stories-eval`'s development ARI within 0.001 (dense
similarities instead of the C# blocking by rare terms and time window: the 40 best neighbours are nearly the same).

    dotnet run -c Release --project bench/Analysis.Benchmarks -- stories-export /tmp/stories-export
    /usr/bin/python3 bench/Analysis.Benchmarks/stories_proto.py /tmp/stories-export threshold=0.7 headline=4 position=3

Prints development ARI with dates (D), text only (T), thinned (a third of the stories cut to one article), paired
(every story cut to two) and own days (only the articles dated by their URL), as `stories-eval` defines them. The held-out stories (FNV-1a % 4 == 0) are never
printed: they are scored by `stories-eval` once defaults are chosen. Options (name=value):
  threshold, reference (best matches averaged), floor, names (name weight), headline (repeat), halflife,
  tf=log|bm25|raw with k1, b; position=P (a term in sentence s weighs 1/(1 + s/P); headline excluded);
  outlet=E (idf times (1 - share of the term's commonest outlet)^E), entropy=E (idf times (H_outlets/ln df)^E);
  bigram=W (adjacent content words as extra terms of weight W); mutual=K (edges kept only between mutual K-nearest,
  by relative similarity); mutuallink=K (a merge needs one mutual-K edge, averages unchanged); snn=K (relative
  similarity times 0.7 + 0.3 Jaccard of the K-nearest sets); signals=W (names and other terms made relative apart,
  mixed W : 1 - W); statedays=D (the full dates the text states within D days before publication count as the
  article's days too); roundupback=D (a roundup-dated article's own day lies up to D days before its date: the time
  factor halves per day of gap between the two articles' intervals).
"""
import collections
import heapq
import math
import sys

import numpy as np
import scipy.sparse as sp
from sklearn.metrics import adjusted_rand_score as ari


def fnv(s, m):
    h = 2166136261
    for c in s:
        h ^= ord(c)
        h = (h * 16777619) & 0xffffffff
    return h % m


def load(folder):
    art = [l.rstrip('\n').split('\t') for l in open(folder + '/articles.tsv', encoding='utf-8')]
    occ = []
    for l in open(folder + '/terms.tsv', encoding='utf-8'):
        l = l.rstrip('\n')
        occ.append([(int(k), int(s), t) for k, s, t in (e.split('|', 2) for e in l.split('\t'))] if l else [])
    dates = []
    for l in open(folder + '/dates.tsv', encoding='utf-8'):
        l = l.rstrip('\n')
        dates.append([(int(a), int(b)) for a, b in (e.split('|') for e in l.split('\t')) if b] if l else [])
    return art, occ, dates


def subsets(truth, basis):
    seen, thin = set(), []
    for i, t in enumerate(truth):
        if fnv(t, 3) != 1 or t not in seen:
            seen.add(t)
            thin.append(i)
    count, pair = collections.Counter(), []
    for i, t in enumerate(truth):
        count[t] += 1
        if count[t] <= 2:
            pair.append(i)
    own = [i for i, b in enumerate(basis) if b == 'url']
    return {'D': list(range(len(truth))), 'T': list(range(len(truth))), 'thin': thin, 'pair': pair, 'own': own}


class Proto:
    def __init__(self, folder, o):
        self.art, self.occ, self.stated = load(folder)
        self.truth = [a[1] for a in self.art]
        self.outlet = [a[3] for a in self.art]
        self.basis = [a[7] if len(a) > 7 else '' for a in self.art]
        self.day = np.array([int(a[4]) for a in self.art])
        self.held = np.array([fnv(t, 4) == 0 for t in self.truth])
        self.o = o

    def counts(self, idx):
        o, rows = self.o, []
        for i in idx:
            c, prev = collections.defaultdict(float), None
            for k, s, t in self.occ[i]:
                key = (k if k in (1, 3) else 0, t)
                w = o.get('headline', 3) if s == -1 else (1 / (1 + s / o['position']) if 'position' in o else 1.0)
                c[key] += w
                if 'bigram' in o:
                    if k == 0 and not t.startswith('#'):
                        if prev and prev[0] == s:
                            c[(4, prev[1] + ' ' + t)] += w
                        prev = (s, t)
                    else:
                        prev = None
            rows.append(c)
        return rows

    def vectors(self, idx):
        o, rows = self.o, self.counts(idx)
        n, voc = len(idx), {}
        for r in rows:
            for k in r:
                voc.setdefault(k, len(voc))
        df = np.zeros(len(voc))
        per = collections.defaultdict(collections.Counter)
        for r, i in zip(rows, idx):
            for k in r:
                df[voc[k]] += 1
                per[voc[k]][self.outlet[i]] += 1
        idf = np.log((1.0 + n) / (1.0 + df)) + 1
        if 'outlet' in o or 'entropy' in o:
            for t, c in per.items():
                tot = sum(c.values())
                if tot < 3:
                    continue
                if 'entropy' in o:
                    h = -sum(v / tot * math.log(v / tot) for v in c.values())
                    idf[t] *= (h / math.log(tot)) ** o['entropy']
                else:
                    idf[t] *= (1 - max(c.values()) / tot) ** o['outlet']
        kind = {0: 1.0, 1: o.get('names', 1.5), 2: 1.0, 3: 1.0, 4: o.get('bigram', 0)}
        lens = np.array([sum(r.values()) for r in rows])
        R, C, V = [], [], []
        for d, r in enumerate(rows):
            for k, c in r.items():
                if o.get('tf') == 'bm25':
                    k1, b = o.get('k1', 1.2), o.get('b', 0.75)
                    tf = c * (k1 + 1) / (c + k1 * (1 - b + b * lens[d] / lens.mean()))
                elif o.get('tf') == 'raw':
                    tf = c
                else:
                    tf = 1 + math.log(c) if c >= 1 else c
                R.append(d)
                C.append(voc[k])
                V.append(tf * idf[voc[k]] * kind[k[0]])
        return normalized(sp.csr_matrix((V, (R, C)), shape=(n, len(voc)))), voc

    def time(self, idx, use):
        n = len(idx)
        if not use:
            return np.full((n, n), 0.6, dtype=np.float32)
        half = self.o.get('halflife', 1)
        d = self.day[idx]
        if 'roundupback' in self.o:
            lo = np.array([d[k] - (self.o['roundupback'] if self.basis[i] == 'roundup' else 0) for k, i in enumerate(idx)])
            gap = np.maximum(0, np.maximum(lo[None, :] - d[:, None], lo[:, None] - d[None, :]))
            return (0.5 ** (gap / half)).astype(np.float32)
        f = (0.5 ** (np.abs(d[:, None] - d[None, :]) / half)).astype(np.float32)
        if 'statedays' in self.o:
            w = self.o['statedays']
            days = [[self.day[i]] + [x for _, x in self.stated[i] if self.day[i] - w <= x <= self.day[i]] for i in idx]
            for a in (k for k in range(n) if len(days[k]) > 1):
                for b in range(n):
                    g = 0.5 ** (min(abs(x - y) for x in days[a] for y in days[b]) / half)
                    f[a, b] = f[b, a] = max(f[a, b], g)
        return f

    def run(self, check):
        o, idx = self.o, subsets(self.truth, self.basis)[check]
        X, voc = self.vectors(idx)
        T = self.time(idx, check != 'T')
        S = (X @ X.T).toarray().astype(np.float32) * T
        nb = neighbours(S)
        if 'signals' in o:
            linked = self.per_signal(X, voc, T, nb, o['signals'])
        else:
            linked = relative(nb, o.get('floor', 0.1), int(o.get('reference', 2)))
        if 'mutual' in o:
            top = mutual_sets(linked, int(o['mutual']))
            linked = [[(j, s) for j, s in l if j in top[i]] for i, l in enumerate(linked)]
        if 'snn' in o:
            k = int(o['snn'])
            near = [set(j for j, _ in sorted(l, key=lambda e: -e[1])[:k]) | {i} for i, l in enumerate(linked)]
            linked = [[(j, s * (0.7 + 0.3 * len(near[i] & near[j]) / len(near[i] | near[j]))) for j, s in l] for i, l in enumerate(linked)]
        must = mutual_sets(linked, int(o['mutuallink'])) if 'mutuallink' in o else None
        labels = average_linkage(len(idx), linked, o.get('threshold', 0.75), must)
        dev = [k for k, i in enumerate(idx) if not self.held[i]]
        return ari([self.truth[idx[k]] for k in dev], [labels[k] for k in dev])

    def per_signal(self, X, voc, T, nb, w):
        names = np.array([k == 1 for (k, _), _ in sorted(voc.items(), key=lambda e: e[1])])
        out = []
        for part in (names, ~names):
            M = normalized(X[:, part].tocsr())
            S = (M @ M.T).toarray().astype(np.float32) * T
            np.fill_diagonal(S, 0)
            scale = np.maximum(-np.sort(-S, axis=1)[:, :2].mean(1), self.o.get('floor', 0.1))
            out.append((S, scale))
        return [[(j, sum(wk * min(1, S[i, j] / math.sqrt(sc[i] * sc[j])) for wk, (S, sc) in zip((w, 1 - w), out))) for j, _ in l]
                for i, l in enumerate(nb)]


def normalized(X):
    norm = np.sqrt(np.asarray(X.multiply(X).sum(1)).ravel())
    norm[norm == 0] = 1
    return (sp.diags(1 / norm) @ X).tocsr()


def neighbours(S, keep=40, least=0.02):
    n = S.shape[0]
    S = S.copy()
    np.fill_diagonal(S, -1)
    found = [set() for _ in range(n)]
    for i, row in enumerate(np.argsort(-S, axis=1, kind='stable')[:, :keep]):
        for j in row:
            if S[i, j] >= least:
                found[i].add(int(j))
                found[j].add(i)
    return [sorted(((j, float(S[i, j])) for j in found[i]), key=lambda e: (-e[1], e[0])) for i in range(n)]


def relative(nb, floor, reference):
    scale = [max(sum(s for _, s in l[:reference]) / reference, floor) for l in nb]
    return [[(j, min(1, s / math.sqrt(scale[i] * scale[j]))) for j, s in l] for i, l in enumerate(nb)]


def mutual_sets(linked, k):
    top = [set(j for j, _ in sorted(l, key=lambda e: -e[1])[:k]) for l in linked]
    return [set(j for j in top[i] if i in top[j]) for i in range(len(linked))]


def average_linkage(n, linked, threshold, must=None):
    """As StoryLinkage.Group; with `must`, two groups join only when a pair of `must` links them."""
    sums = [dict(l) for l in linked]
    links = [{j: 1 for j in must[i]} for i in range(n)] if must else None
    size, parent, alive, version = [1] * n, list(range(n)), [True] * n, [0] * n
    queue = [(-s, i, j, 0, 0) for i in range(n) for j, s in linked[i] if i < j and s >= threshold and (not must or j in must[i])]
    heapq.heapify(queue)
    while queue:
        _, a, b, va, vb = heapq.heappop(queue)
        if not (alive[a] and alive[b] and version[a] == va and version[b] == vb):
            continue
        for table in (sums, links) if links else (sums,):
            into, gone = table[a], table[b]
            into.pop(b, None)
            gone.pop(a, None)
            for c, s in gone.items():
                into[c] = into.get(c, 0) + s
            table[b] = None
        alive[b], parent[b] = False, a
        size[a] += size[b]
        version[a] += 1
        for c, s in sums[a].items():
            sums[c].pop(b, None)
            sums[c][a] = s
            if links:
                links[c].pop(b, None)
                if c in links[a]:
                    links[c][a] = links[a][c]
            mean = s / (size[a] * size[c])
            if mean >= threshold and (not links or links[a].get(c, 0) > 0):
                x, y = min(a, c), max(a, c)
                heapq.heappush(queue, (-mean, x, y, version[x], version[y]))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i
    return [root(i) for i in range(n)]


if __name__ == '__main__':
    options = {}
    for a in sys.argv[2:]:
        k, v = a.split('=')
        options[k] = v if k == 'tf' else float(v)
    proto = Proto(sys.argv[1], options)
    checks = ('D', 'T', 'thin', 'pair') + (('own',) if 'url' in proto.basis else ())
    print(' '.join(sys.argv[2:]) or 'defaults', ' '.join(f"{c} {proto.run(c):.3f}" for c in checks))
