"""Peer for `stories`: scikit-learn TF-IDF + agglomerative clustering (cosine, average linkage, distance threshold)
on the same articles the C# benchmark wrote. Prints seconds, peak MB and ARI on one line. Run with Debian's
/usr/bin/python3 (python3-sklearn); PyPI is not reachable here."""
import resource
import sys
import time

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

path, threshold = sys.argv[1], float(sys.argv[2])
ids, labels, texts = [], [], []
with open(path, encoding="utf-8") as f:
    for line in f:
        i, label, text = line.rstrip("\n").split("\t", 2)
        ids.append(i); labels.append(label); texts.append(text)
start = time.perf_counter()
try:
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - threshold)
    predicted = model.fit_predict(x.toarray())
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:8.2f} s {peak:7.0f} MB  ARI {adjusted_rand_score(labels, predicted):.3f}  groups {len(set(predicted))}")
except MemoryError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"MemoryError after {time.perf_counter() - start:.1f} s (peak {peak:.0f} MB)")
