"""The peer permgen is measured against: what policy_sentry and parliament do to
read AWS's documentation, BeautifulSoup with the "html.parser" backend, every table,
every cell's text. It only parses: no model, no output.

usage: python3 peer_bs4.py SOURCES_DIR
Prints one JSON line: files, bytes, tables, cells, and the wall and CPU seconds the
parse took (reading the files included, interpreter start-up and imports not).
"""

import json
import os
import sys
import time

from bs4 import BeautifulSoup


def pages(root):
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if name.endswith(".html"):
                yield os.path.join(folder, name)


def main():
    root = sys.argv[1]
    files = nbytes = tables = cells = 0
    start, cpu = time.perf_counter(), time.process_time()
    for path in pages(root):
        with open(path, encoding="utf-8") as f:
            html = f.read()
        files += 1
        nbytes += len(html.encode("utf-8"))
        soup = BeautifulSoup(html, "html.parser")
        for table in soup.find_all("table"):
            tables += 1
            for cell in table.find_all(["th", "td"]):
                cell.get_text()
                cells += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"files": files, "bytes": nbytes, "tables": tables, "cells": cells, "seconds": seconds, "cpu_seconds": cpu}))


if __name__ == "__main__":
    main()
