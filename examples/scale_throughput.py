"""Throughput of fix_batch in one process against dask on a local two-worker cluster.

    python examples/scale_throughput.py [--workers 2] [--docs 2225]

Reads ../shared/corpora/bbc_clean.jsonl (beside the repository). Both runs are warm: the
process and every worker clean a few texts first, so start-up (imports, tables) is not timed.
Prints MB/s (UTF-8 megabytes of input per second, median of interleaved repeats) and the
speed-up. Needs newsclean[dask].
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster, wait

import newsclean
from newsclean.integrations.dask import fix_bag

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpora/bbc_clean.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--docs", type=int, default=0, help="first N documents (0: all)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 2
    with open(CORPUS, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    if args.docs:
        texts = texts[: args.docs]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    newsclean.fix_batch(texts[:20])  # warm-up
    local = newsclean.fix_batch(texts)

    with (
        LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(args.workers)
        client.run(lambda: newsclean.fix_batch(texts[:20]))  # warm-up on every worker
        bag = db.from_sequence(texts, npartitions=args.workers * 8)
        bag = client.persist(bag)  # ship the input first: time the cleaning, not the transfer
        wait(bag)
        clustered = fix_bag(bag).compute()
        # Interleaved repeats (the machine may be shared): medians of each.
        ones, manys = [], []
        for _ in range(args.repeats):
            start = time.perf_counter()
            newsclean.fix_batch(texts)
            ones.append(time.perf_counter() - start)
            start = time.perf_counter()
            fix_bag(bag).compute()
            manys.append(time.perf_counter() - start)
        one, many = statistics.median(ones), statistics.median(manys)

    assert clustered == local, "dask output differs from fix_batch"
    print(f"{len(texts)} documents, {megabytes:.2f} MB, medians of {args.repeats} runs")
    print("| run | seconds | MB/s |")
    print("| --- | ---: | ---: |")
    print(f"| fix_batch, 1 process | {one:.2f} | {megabytes / one:.2f} |")
    print(f"| dask, {args.workers} worker processes | {many:.2f} | {megabytes / many:.2f} |")
    print(f"speed-up: {one / many:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
